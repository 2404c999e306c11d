
namespace Sciatica.Rules.Catalogs;

/// <summary>Checks an exercise's doses and changes a dose by one progression step within its bounds.</summary>
internal static class DosageRules
{
    private static readonly (string Name, Func<Dosage, int?> Get, int Cap)[] Fields =
    [
        ("holdSeconds", d => d.HoldSeconds, ExerciseCatalog.MaximumHoldSeconds),
        ("repetitions", d => d.Repetitions, ExerciseCatalog.MaximumRepetitions),
        ("sets", d => d.Sets, ExerciseCatalog.MaximumSets),
        ("minutes", d => d.Minutes, ExerciseCatalog.MaximumMinutes),
        ("timesPerDay", d => d.TimesPerDay, ExerciseCatalog.MaximumTimesPerDay),
    ];

    public static void Validate(string path, Exercise e, ProblemList problems)
    {
        var doses = new (string Name, Dosage? Dose)[]
        {
            ("dosage", e.Dosage), ("minimumDosage", e.MinimumDosage), ("maximumDosage", e.MaximumDosage), ("progressionStep", e.ProgressionStep),
        };
        foreach (var (name, dose) in doses)
        {
            if (dose is null)
            {
                problems.Add($"{path}.{name}", "is required.");
            }
        }

        if (e.Dosage is null || e.MinimumDosage is null || e.MaximumDosage is null || e.ProgressionStep is null)
        {
            return;
        }

        if (e.Kind == ExerciseKind.Stretch && e.Dosage.HoldSeconds is null)
        {
            problems.Add($"{path}.dosage.holdSeconds", "is required for a stretch (30 seconds by default).");
        }

        if (e.Kind != ExerciseKind.Stretch && e.Dosage.HoldSeconds is not null)
        {
            problems.Add($"{path}.dosage.holdSeconds", "must be null: only stretches have a hold time (describe other holds in the instructions).");
        }

        if (e.Kind == ExerciseKind.Aerobic && e.Dosage.Minutes is null)
        {
            problems.Add($"{path}.dosage.minutes", "is required for aerobic exercise.");
        }

        if (e.Kind != ExerciseKind.Aerobic && e.Dosage.Minutes is null && e.Dosage.Repetitions is null)
        {
            problems.Add($"{path}.dosage.repetitions", "is required: an exercise needs repetitions or minutes.");
        }

        foreach (var (field, get, cap) in Fields)
        {
            int? start = get(e.Dosage), low = get(e.MinimumDosage), high = get(e.MaximumDosage), step = get(e.ProgressionStep);
            foreach (var (name, value) in new[] { ("dosage", start), ("minimumDosage", low), ("maximumDosage", high), ("progressionStep", step) })
            {
                if (value > cap)
                {
                    problems.Add($"{path}.{name}.{field}", $"is {value}, above the largest allowed value {cap}.");
                }
            }

            if ((start is null) != (low is null) || (start is null) != (high is null))
            {
                problems.Add($"{path}.minimumDosage.{field}", "must be set in dosage, minimumDosage and maximumDosage alike, or in none of them.");
            }
            else if (start is not null && !(low <= start && start <= high))
            {
                problems.Add($"{path}.dosage.{field}", $"is {start}, outside its bounds {low}..{high} (minimumDosage..maximumDosage).");
            }

            if (step is not null && start is null)
            {
                problems.Add($"{path}.progressionStep.{field}", "must be null: the dose does not set this field.");
            }
        }
    }

    /// <summary>Adds one progression step to every field that has one, clamped to the exercise's bounds.</summary>
    public static Dosage Increase(Exercise e, Dosage current) => new()
    {
        HoldSeconds = Move(current.HoldSeconds, e.ProgressionStep.HoldSeconds, e.MinimumDosage.HoldSeconds, e.MaximumDosage.HoldSeconds, +1),
        Repetitions = Move(current.Repetitions, e.ProgressionStep.Repetitions, e.MinimumDosage.Repetitions, e.MaximumDosage.Repetitions, +1),
        Sets = Move(current.Sets, e.ProgressionStep.Sets, e.MinimumDosage.Sets, e.MaximumDosage.Sets, +1),
        Minutes = Move(current.Minutes, e.ProgressionStep.Minutes, e.MinimumDosage.Minutes, e.MaximumDosage.Minutes, +1),
        TimesPerDay = Move(current.TimesPerDay, e.ProgressionStep.TimesPerDay, e.MinimumDosage.TimesPerDay, e.MaximumDosage.TimesPerDay, +1),
    };

    /// <summary>
    /// Lowers the load by one step on the first axis that is above its lower bound, in this order: repetitions and
    /// minutes, then times per day, then sets, then hold time [PMM; stay active: walking is never dropped while a
    /// lower dose exists]. An axis without a progression step goes down by one. Returns the same dose when every
    /// axis is already at its lower bound: only then does the exercise stop.
    /// </summary>
    public static Dosage Reduce(Exercise e, Dosage current)
    {
        var (low, step) = (e.MinimumDosage, e.ProgressionStep);
        if (Above(current.Repetitions, low.Repetitions) || Above(current.Minutes, low.Minutes))
        {
            return current with
            {
                Repetitions = Lower(current.Repetitions, step.Repetitions, low.Repetitions),
                Minutes = Lower(current.Minutes, step.Minutes, low.Minutes),
            };
        }

        if (Above(current.TimesPerDay, low.TimesPerDay))
        {
            return current with { TimesPerDay = Lower(current.TimesPerDay, step.TimesPerDay, low.TimesPerDay) };
        }

        if (Above(current.Sets, low.Sets))
        {
            return current with { Sets = Lower(current.Sets, step.Sets, low.Sets) };
        }

        return Above(current.HoldSeconds, low.HoldSeconds)
            ? current with { HoldSeconds = Lower(current.HoldSeconds, step.HoldSeconds, low.HoldSeconds) }
            : current;
    }

    private static bool Above(int? value, int? minimum) => value > (minimum ?? 1);

    private static int? Lower(int? value, int? step, int? minimum) =>
        value is null ? null : (int)Math.Max((long)value.Value - (step ?? 1), minimum ?? 1);

    // Long arithmetic: a step near int.MaxValue must not overflow into the wrong direction.
    private static int? Move(int? value, int? step, int? minimum, int? maximum, int direction) =>
        value is null || step is null ? value : (int)Math.Clamp(value.Value + ((long)direction * step.Value), minimum ?? 1, maximum ?? int.MaxValue);
}
