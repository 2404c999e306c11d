namespace Sciatica.Rules;

/// <summary>
/// Thrown when a profile, catalog or rule set is invalid. It lists every problem found, not just the
/// first, each naming the field and the allowed values. Nothing is half-built when it is thrown.
/// </summary>
public sealed class SciaticaValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="subject">What was being validated (for example "profile" or "catalog").</param>
    /// <param name="problems">The problems; at least one. The report is bounded, whatever the input: at most 100 are
    /// kept (then one counting the rest), each path cut to 200 characters and each message to 300.</param>
    public SciaticaValidationException(string subject, IReadOnlyList<ValidationProblem> problems)
        : base(Describe(subject, Bound(problems)))
    {
        Subject = subject;
        Problems = Bound(problems);
        // Counted here, where every refusal of the library passes: the document type only, never its content.
        SciaticaRulesTelemetry.Refused(subject);
    }

    /// <summary>Creates the exception with a message and no listed problems.</summary>
    public SciaticaValidationException()
        : this("input", [new ValidationProblem("$", "The input is invalid.")])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SciaticaValidationException(string message)
        : this("input", [new ValidationProblem("$", message)])
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SciaticaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Subject = "input";
        Problems = [new ValidationProblem("$", message)];
    }

    /// <summary>Gets what was being validated.</summary>
    public string Subject { get; }

    /// <summary>Gets every problem found, in document order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>
    /// Gets the screening decision that the red flags which could still be read give on their own, when it is an
    /// emergency or an urgent referral; otherwise <see langword="null"/>. A host shows it before the field errors.
    /// </summary>
    public ScreeningNotice? Screening { get; internal set; }

    /// <summary>Gets the message: the screening line first when <see cref="Screening"/> is set, then every problem.</summary>
    public override string Message => Screening is { } screening ? screening.Summary() + Environment.NewLine + base.Message : base.Message;

    private static ValidationProblem[] Bound(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count <= ProblemList.MaximumReported || (problems.Count == ProblemList.MaximumReported + 1 && ProblemList.IsSummary(problems[^1])))
        {
            return [.. problems.Select(p => ProblemList.Bounded(p))];
        }

        var list = new ProblemList();
        foreach (var problem in problems)
        {
            list.Add(problem.Path, problem.Message, problem.LineNumber);
        }

        return [.. list.Report()];
    }

    private static string Describe(string subject, ValidationProblem[] problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Length == 1
            ? $"Invalid {subject}: {problems[0]}"
            : $"Invalid {subject} ({problems.Length} problems):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "- " + p));
    }
}
