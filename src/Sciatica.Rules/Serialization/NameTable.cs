namespace Sciatica.Rules;

/// <summary>
/// The property names seen in each object of one document, so that a name given twice in its object is found as the
/// reader passes it. One open-addressing table for the whole document, keyed by (object, unescaped name); a name is
/// read again from the document when compared (only a name written with escapes is kept). Memory is 12 bytes a name
/// (no string, no set per object), and the hash
/// is seeded per process (<see cref="HashCode"/>), so crafted names cannot make lookups slow. Only names a reader does
/// not know go here: its own fields are tracked in a bit mask.
/// </summary>
internal sealed class NameTable
{
    private Entry[] entries = new Entry[16];
    private byte[]? escaped;
    private int used;
    private int count;

    /// <summary>Adds a name of an object; gives -1 when it is new there, else where its first occurrence starts.</summary>
    /// <param name="objectId">The object, numbered by the pass.</param>
    /// <param name="name">The name, unescaped.</param>
    /// <param name="wasEscaped">Whether the document writes the name with escapes (then its text is kept here; otherwise it is read again from the document).</param>
    /// <param name="tokenStart">Where the name's token starts in the document.</param>
    /// <param name="json">The document.</param>
    public int Add(int objectId, ReadOnlySpan<byte> name, bool wasEscaped, int tokenStart, ReadOnlySpan<byte> json)
    {
        var hasher = default(HashCode);
        hasher.Add(objectId);
        hasher.AddBytes(name);
        var hash = hasher.ToHashCode();
        var mask = entries.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (entry.Where == 0)
            {
                break;
            }

            if (entry.Hash == hash && entry.ObjectId == objectId && Name(entry, json).SequenceEqual(name))
            {
                return entry.Where > 0 ? entry.Where - 1 : BitConverter.ToInt32(escaped!, -entry.Where - 1);
            }
        }

        var where = tokenStart + 1;
        if (wasEscaped)
        {
            escaped ??= new byte[256];
            if (used + name.Length + 8 > escaped.Length)
            {
                Array.Resize(ref escaped, Math.Max(escaped.Length * 2, used + name.Length + 8));
            }

            BitConverter.TryWriteBytes(escaped.AsSpan(used), tokenStart);
            BitConverter.TryWriteBytes(escaped.AsSpan(used + 4), name.Length);
            name.CopyTo(escaped.AsSpan(used + 8));
            where = -(used + 1);
            used += name.Length + 8;
        }

        Insert(new Entry { Hash = hash, ObjectId = objectId, Where = where });
        if (++count * 5 > entries.Length * 4)
        {
            var old = entries;
            entries = new Entry[old.Length * 2];
            foreach (var entry in old)
            {
                if (entry.Where != 0)
                {
                    Insert(entry);
                }
            }
        }

        return -1;
    }

    /// <summary>The text of a name recorded: from the document (between its quotes, no escape in it) or from the kept copy.</summary>
    private ReadOnlySpan<byte> Name(Entry entry, ReadOnlySpan<byte> json)
    {
        if (entry.Where > 0)
        {
            var rest = json[entry.Where..];
            return rest[..rest.IndexOf((byte)'"')];
        }

        var at = -entry.Where - 1;
        return escaped.AsSpan(at + 8, BitConverter.ToInt32(escaped!, at + 4));
    }

    private void Insert(Entry entry)
    {
        var mask = entries.Length - 1;
        var i = entry.Hash & mask;
        while (entries[i].Where != 0)
        {
            i = (i + 1) & mask;
        }

        entries[i] = entry;
    }

    private struct Entry
    {
        public int Hash;
        public int ObjectId;

        /// <summary>
        /// Where the name is: one past its token's start (the opening quote) in the document, or, for a name written with
        /// escapes, minus one minus its place among the kept copies (the token's start, the length, then the text); zero marks an empty slot.
        /// </summary>
        public int Where;
    }
}
