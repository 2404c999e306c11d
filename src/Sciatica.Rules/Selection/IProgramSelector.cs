
namespace Sciatica.Rules;

/// <summary>Chooses a safe decision for a person; the service hosts inject.</summary>
public interface IProgramSelector
{
    /// <summary>Gets the version of the rule set and catalog content, as stamped on every decision.</summary>
    string RuleSetVersion { get; }

    /// <summary>Gets the catalog the engine chooses from (a review reads the exercises' bounds from it).</summary>
    Catalogs.ExerciseCatalog Catalog { get; }

    /// <summary>Gets the rule set the engine applies (a review reads its thresholds and response rules from it).</summary>
    Catalogs.RuleSet RuleSet { get; }

    /// <summary>Decides what the person should do, applying the most urgent screening decision first.</summary>
    /// <param name="profile">The person's intake.</param>
    /// <returns>The decision, fully explained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">A clinician override names an exercise or rule this engine does not have.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Select is the domain verb: the engine selects a program.")]
    ProgramDecision Select(PatientProfile profile);

    /// <summary>Decides what the person should do and adds what the options ask for (for example what would change it).</summary>
    /// <param name="profile">The person's intake.</param>
    /// <param name="options">What the decision should carry beyond itself.</param>
    /// <returns>The decision, fully explained.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SciaticaValidationException">A clinician override names an exercise or rule this engine does not have.</exception>
    /// <exception cref="NotSupportedException">The implementation cannot give what the options ask for (the default implementation gives nothing more than the decision).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Select is the domain verb: the engine selects a program.")]
    ProgramDecision Select(PatientProfile profile, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WhatWouldChange
            ? throw new NotSupportedException($"{GetType().Name} does not say what would change a decision; use ProgramSelector.")
            : Select(profile);
    }
}
