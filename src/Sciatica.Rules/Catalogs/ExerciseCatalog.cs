using System.Collections.Immutable;
using System.Globalization;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// A validated, immutable set of exercises the engine chooses from. The exercises are kept in id order.
/// </summary>
/// <remarks>Thread-safe. Building a catalog checks every exercise and reports every problem at once.</remarks>
public sealed class ExerciseCatalog
{
    /// <summary>The longest hold a catalog may set, in seconds.</summary>
    public const int MaximumHoldSeconds = 120;

    /// <summary>The longest aerobic session a catalog may set, in minutes.</summary>
    public const int MaximumMinutes = 120;

    /// <summary>The most repetitions a catalog may set in one set.</summary>
    public const int MaximumRepetitions = 50;

    /// <summary>The most sets a catalog may set.</summary>
    public const int MaximumSets = 10;

    /// <summary>The most sessions a day a catalog may set.</summary>
    public const int MaximumTimesPerDay = 6;

    private readonly Dictionary<string, Exercise> byId;

    /// <summary>Builds a catalog from exercises after checking each one.</summary>
    /// <param name="exercises">The exercises; at least one, with distinct ids.</param>
    /// <exception cref="ArgumentNullException"><paramref name="exercises"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">Any exercise is invalid; every problem is listed, each with its path.</exception>
    public ExerciseCatalog(IEnumerable<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        var list = exercises.ToImmutableArray();
        var problems = new ProblemList();
        Validate(list, problems);
        problems.ThrowIfAny("catalog");
        Exercises = list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        byId = Exercises.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Builds a catalog from exercises that were already validated.</summary>
    private ExerciseCatalog(ImmutableArray<Exercise> validated, bool _)
    {
        Exercises = validated.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        byId = Exercises.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    internal static ExerciseCatalog FromValidated(ImmutableArray<Exercise> validated) => new(validated, true);

    /// <summary>Gets the default catalog: walking, gentle stretches, trunk strengthening and clinician-enabled mobility (see docs/rules.md).</summary>
    public static ExerciseCatalog Default => DefaultCatalog.Embedded.Catalog;

    /// <summary>Gets the exercises in id order.</summary>
    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>Finds an exercise by id.</summary>
    /// <param name="id">The exercise id.</param>
    /// <returns>The exercise, or <see langword="null"/> when the catalog has none with that id.</returns>
    public Exercise? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Checks exercises; <paramref name="indices"/> gives each one's index in its document when some were not read.</summary>
    internal static void Validate(ImmutableArray<Exercise> exercises, ProblemList problems, IReadOnlyList<int>? indices = null)
    {
        if (exercises.IsEmpty)
        {
            problems.Add("$.exercises", "must list at least one exercise.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exercises.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.exercises[{indices?[i] ?? i}]");
            var exercise = exercises[i];
            if (exercise is null)
            {
                problems.Add(path, "must be an exercise, not null.");
                continue;
            }

            ValidateExercise(path, exercise, problems);
            problems.RequireUniqueId(path + ".id", exercise.Id, seen, "exercise");
        }

        // Alternatives refer to other exercises of the same kind in the same catalog.
        var byId = exercises.Where(e => e?.Id is not null).GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < exercises.Length; i++)
        {
            if (exercises[i] is not { Alternative: { } alternative } exercise)
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"$.exercises[{indices?[i] ?? i}].alternative");
            if (!byId.TryGetValue(alternative, out var other))
            {
                problems.Add(path, $"'{ProblemList.Echo(alternative)}' is not an exercise of this catalog; allowed values: the id of another exercise of the same kind, or null.");
            }
            else if (ReferenceEquals(other, exercise) || other.Id == exercise.Id)
            {
                problems.Add(path, "names the exercise itself; allowed values: the id of another exercise of the same kind, or null.");
            }
            else if (other.Kind != exercise.Kind)
            {
                problems.Add(path, $"'{alternative}' is of another kind; allowed values: an exercise of the same kind ({ContractNames.Of(exercise.Kind)}), or null.");
            }
        }
    }

    private static void ValidateExercise(string path, Exercise e, ProblemList problems)
    {
        problems.RequireId(path + ".id", e.Id);
        problems.RequireText(path + ".name", e.Name);
        problems.RequireText(path + ".rationale", e.Rationale);
        problems.RequireSource(path + ".source", e.Source);
        if (!Enum.IsDefined(e.Kind))
        {
            problems.Add(path + ".kind", "is not a defined exercise kind.");
        }

        if (!Enum.IsDefined(e.Position))
        {
            problems.Add(path + ".position", "is not a defined body position.");
        }

        if (e.Movements.IsEmpty)
        {
            problems.Add(path + ".movements", "must list at least one movement pattern (use neutralSpine for exercises that hold the spine still).");
        }

        for (var m = 0; m < e.Movements.Count; m++)
        {
            if (!Enum.IsDefined(e.Movements[m]))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.movements[{m}]"), "is not a defined movement pattern.");
            }
        }

        if (e.Instructions.IsEmpty)
        {
            problems.Add(path + ".instructions", "must list at least one step.");
        }

        for (var s = 0; s < e.Instructions.Count; s++)
        {
            problems.RequireText(string.Create(CultureInfo.InvariantCulture, $"{path}.instructions[{s}]"), e.Instructions[s]);
        }

        DosageRules.Validate(path, e, problems);
    }
}
