namespace Sciatica.Rules;

/// <summary>
/// The problems of one object, held in the order a report lists them while the object is read forward: slot 0 for
/// properties the object does not know (as they come), then one slot per field in the order of the reader's field
/// table, whatever order the document gives them in. Only the first <see cref="ProblemList.MaximumReported"/> of a
/// slot can ever be listed (a slot's problems stand together in the report), so the rest are only counted: a hostile
/// object cannot grow it.
/// </summary>
internal sealed class ProblemBuffer
{
    /// <summary>The most slots an object has: the unknown properties and up to 31 fields.</summary>
    public const int Slots = 32;

    private readonly List<(int Slot, ValidationProblem Problem)> listed = [];
    private readonly int[] counts = new int[Slots];
    private readonly int[] omitted = new int[Slots];

    /// <summary>Gets whether a slot is full: further problems there are only counted, so callers need not build their messages.</summary>
    public bool IsFull(int slot) => counts[slot] >= ProblemList.MaximumReported;

    public void Add(int slot, string path, string message)
    {
        if (IsFull(slot))
        {
            omitted[slot]++;
            return;
        }

        counts[slot]++;
        listed.Add((slot, ProblemList.Bounded(new ValidationProblem(path, message))));
    }

    /// <summary>Counts a problem without its message (the slot is full).</summary>
    public void CountOmitted(int slot)
    {
        omitted[slot]++;
    }

    /// <summary>Adds the problems of a nested object (an item, an embedded document) to a slot, in their order.</summary>
    public void AddAll(int slot, ProblemBuffer? nested)
    {
        if (nested is null)
        {
            return;
        }

        nested.Each(
            problem => Add(slot, problem.Path, problem.Message),
            () => CountOmitted(slot));
    }

    /// <summary>Puts the problems into the report, slot by slot.</summary>
    public void AddTo(ProblemList problems) => Each(problem => problems.Add(problem.Path, problem.Message, problem.LineNumber), problems.CountOmitted);

    private void Each(Action<ValidationProblem> add, Action countOmitted)
    {
        for (var slot = 0; slot < Slots; slot++)
        {
            foreach (var (at, problem) in listed)
            {
                if (at == slot)
                {
                    add(problem);
                }
            }

            for (var i = 0; i < omitted[slot]; i++)
            {
                countOmitted();
            }
        }
    }
}
