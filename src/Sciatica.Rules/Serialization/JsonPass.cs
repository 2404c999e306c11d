using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// One forward pass over a UTF-8 document, shared by the contract's readers: the tokens (strict JSON through
/// <see cref="Utf8JsonReader"/>, nesting at most <see cref="MaximumDepth"/>), and beside them what every reader needs
/// whatever it reads: each property given twice in its object (path, line and position), the first text it had to
/// decode and could not (an unpaired surrogate, invalid UTF-8), and the red flags written in a <c>redFlags</c> or
/// <c>newRedFlags</c> array at any depth, so that a refusal can say "emergency" first. Values a reader does not want
/// are walked (<see cref="Skip"/>), not jumped over, so all three hold inside them too. Work is constant per byte: a
/// path is built only for a problem.
/// </summary>
internal ref struct JsonPass
{
    /// <summary>The deepest nesting accepted, as the document readers have always accepted.</summary>
    public const int MaximumDepth = 32;

    private const string UndecodableText = "contains text that is not valid Unicode (for example an unpaired surrogate such as \\ud800), so it cannot be read.";

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaximumDepth };

    private readonly ReadOnlySpan<byte> json;
    private Utf8JsonReader reader;
    private NameTable? names;
    private Frame[]? frames;
    private int objects;
    private ProblemList? duplicates;
    private string? undecodable;

    /// <summary>Starts a pass; one byte order mark at the start is passed over, as files saved by many editors carry one.</summary>
    public JsonPass(ReadOnlySpan<byte> utf8)
    {
        json = utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        reader = new Utf8JsonReader(json, Options);
    }

    /// <summary>Gets the red flags read so far (bit n is the flag of value n), wherever they were written.</summary>
    public ulong RedFlags { get; private set; }

    public readonly JsonTokenType Token => reader.TokenType;

    public readonly ReadOnlySpan<byte> Value => reader.ValueSpan;

    public readonly int TokenStart => (int)reader.TokenStartIndex;

    /// <summary>Gets where the current name is, to give its text later (<see cref="NameOf"/>) only if it is needed.</summary>
    public readonly (int Start, int Length, bool Escaped) CurrentName => (TokenStart + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);

    /// <summary>Gets the text of a name met earlier in the pass (text that cannot be decoded is replaced).</summary>
    public readonly string NameOf((int Start, int Length, bool Escaped) name)
    {
        var raw = json.Slice(name.Start, name.Length);
        return name.Escaped ? Unescaped(raw) : Encoding.UTF8.GetString(raw);
    }

    /// <summary>Moves to the next token; a syntax error throws <see cref="JsonException"/>.</summary>
    public void Read() => reader.Read();

    /// <summary>At the start of an array: reads it when it is empty (true); otherwise moves nowhere (false).</summary>
    public bool EmptyArray()
    {
        var next = reader;
        if (reader.TokenType != JsonTokenType.StartArray || !next.Read() || next.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        reader = next;
        return true;
    }

    /// <summary>After the document's value: anything but whitespace after it is a syntax error.</summary>
    public void End() => reader.Read();

    /// <summary>Numbers an object, for <see cref="IsRepeated"/>.</summary>
    public int NewObject() => ++objects;

    /// <summary>Gets the index of the current name or string among <paramref name="names"/>, or -1; <paramref name="expected"/> (documents mostly give properties in the contract's order) is tried first.</summary>
    public readonly int Match(byte[][] names, int expected = -1) =>
        reader.ValueIsEscaped ? MatchEscaped(names) : Utf8Names.Find(reader.ValueSpan, names, expected);

    /// <summary>
    /// The name written with escapes: decoded first, into a buffer of its own (escapes only shorten it). Escaped names
    /// are rare, and any length counts: a name written wholly in <c>\u</c> escapes takes six bytes a letter.
    /// </summary>
    private readonly int MatchEscaped(byte[][] names)
    {
        var buffer = new byte[reader.ValueSpan.Length];
        return TryUnescape(buffer, out var length) ? Utf8Names.Find(buffer.AsSpan(0, length), names, -1) : -1;
    }

    /// <summary>Gets the current string's text; when it cannot be decoded, remembers <paramref name="path"/> and gives null.</summary>
    public string? Text(string path)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            Undecodable(path);
            return null;
        }
    }

    /// <summary>Gets the current name's text for a message or path (never throws: text that cannot be decoded is replaced).</summary>
    public readonly string NameText()
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>Remembers the first text that could not be decoded; it decides the report unless the JSON itself is broken.</summary>
    public void Undecodable(string path) => undecodable ??= path;

    /// <summary>Gets the text that could not be decoded so far (see <see cref="Undecodable"/>), to forget what an unread array added.</summary>
    public readonly string? UndecodableAt => undecodable;

    public void ForgetUndecodable(string? before) => undecodable = before;

    /// <summary>Describes the current value for a message (<c>the text "x"</c>, <c>the number 5</c>, <c>an array</c>...).</summary>
    public string Describe(string path, int echo = ProblemList.MaximumEchoLength) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "the text \"" + ProblemList.Bounded(Text(path) ?? string.Empty, echo) + "\"",
        JsonTokenType.Number => "the number " + ProblemList.Bounded(Encoding.UTF8.GetString(reader.ValueSpan), echo),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    public readonly bool TryGetInt32(out int value) => reader.TryGetInt32(out value);

    /// <summary>Gets the value of the current string as a name of <typeparamref name="TEnum"/>, -1 when it is none, or -2 when it cannot be decoded.</summary>
    public readonly int EnumValue<TEnum>()
        where TEnum : struct, Enum
    {
        var index = Match(EnumBytes<TEnum>.Names);
        return index >= 0 ? EnumBytes<TEnum>.Values[index] : -1;
    }

    /// <summary>Notes a red flag: the current string, when it names one.</summary>
    public void RedFlag()
    {
        var flag = EnumValue<RedFlag>();
        if (flag >= 0)
        {
            RedFlags |= 1UL << flag;
        }
    }

    /// <summary>Notes red flags read by a reader itself.</summary>
    public void NoteRedFlags(ulong bits) => RedFlags |= bits;

    /// <summary>Gets whether the current property name is <c>redFlags</c> or <c>newRedFlags</c>, whose arrays hold red flags.</summary>
    public readonly bool NamesRedFlags() => Match(FlagNames) >= 0;

    /// <summary>
    /// For a property name its reader does not know: records it in its object, and when it was given there before,
    /// records the repetition; gives whether it was.
    /// </summary>
    public bool IsRepeated(int objectId, string objectPath)
    {
        var first = FirstOccurrence(objectId);
        if (first >= 0)
        {
            Repeated(objectPath, first);
        }

        return first >= 0;
    }

    /// <summary>Records the current property name in its object; gives where it was first given there, or -1 when this is the first time.</summary>
    private int FirstOccurrence(int objectId)
    {
        names ??= new NameTable();
        var name = reader.ValueSpan;
        var wasEscaped = false;
        if (reader.ValueIsEscaped)
        {
            // Unescaping never lengthens a name. Names written with escapes are rare (hand-made or hostile input), so
            // each gets its own buffer.
            var target = new byte[name.Length];
            if (TryUnescape(target, out var length))
            {
                name = target.AsSpan(0, length);
            }

            // Kept as text even when it cannot be decoded: then its raw bytes, which hold a backslash.
            wasEscaped = true;
        }

        return names.Add(objectId, name, wasEscaped, TokenStart, json);
    }

    /// <summary>Records the current property name as given a second time in its object, first at <paramref name="firstStart"/>.</summary>
    public void Repeated(string objectPath, int firstStart)
    {
        duplicates ??= new ProblemList();
        if (duplicates.IsFull)
        {
            duplicates.CountOmitted();
            return;
        }

        var (line, position) = Place(TokenStart);
        var (firstLine, _) = Place(firstStart);
        duplicates.Add(
            JsonPaths.Child(objectPath, NameText()),
            string.Create(CultureInfo.InvariantCulture, $"appears a second time at line {line}, position {position} (first at line {firstLine}); allowed: each property once per object."),
            line);
    }

    /// <summary>
    /// Walks the current value to its end without reading it: repeated properties inside it are still found, and red
    /// flags in a <c>redFlags</c> or <c>newRedFlags</c> array inside it still noted.
    /// </summary>
    /// <param name="path">The value's path, for the problems found inside it.</param>
    /// <param name="redFlags">Whether the value is that of a <c>redFlags</c> or <c>newRedFlags</c> property.</param>
    public void Skip(FieldPath path, bool redFlags)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        frames ??= new Frame[MaximumDepth + 1];
        frames[0] = Open(redFlags);
        var depth = 1;
        while (depth > 0)
        {
            reader.Read();
            ref var top = ref frames[depth - 1];
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    top.FlagsNamed = NamesRedFlags();
                    if (FirstOccurrence(top.Id) is var first and >= 0)
                    {
                        Repeated(PathOf(path.ToString(), depth - 1), first);
                    }

                    top.NameStart = TokenStart + 1;
                    top.NameLength = reader.ValueSpan.Length;
                    top.NameEscaped = reader.ValueIsEscaped;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    continue;
            }

            if (top.IsArray)
            {
                top.Index++;
                if (top.FlagsArray && reader.TokenType == JsonTokenType.String)
                {
                    RedFlag();
                }
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames[depth] = Open(!top.IsArray && top.FlagsNamed);
                depth++;
            }
        }
    }

    /// <summary>Gets the refusal of the document read, or null when it is valid: broken JSON first, then repeated properties, then undecodable text, then the readers' problems.</summary>
    public readonly SciaticaValidationException? Refusal(string subject, JsonException? syntax, ProblemBuffer? problems)
    {
        IReadOnlyList<ValidationProblem> report;
        if (syntax is not null)
        {
            report = [SciaticaJson.Malformed(syntax)];
        }
        else if (duplicates is not null)
        {
            report = duplicates.Report();
        }
        else if (undecodable is not null)
        {
            report = [new ValidationProblem(undecodable, UndecodableText)];
        }
        else if (problems is not null)
        {
            var list = new ProblemList();
            problems.AddTo(list);
            report = list.Report();
        }
        else
        {
            return null;
        }

        // The reader stops at broken JSON, but a red flag written after the break is still named in the document and a
        // refusal must not hide it: there, every red flag written as a JSON string anywhere counts (the safe side).
        var flags = syntax is null ? RedFlags : RedFlags | QuotedRedFlags.In(json);
        return new SciaticaValidationException(subject, report) { Screening = RedFlagScreening.Of(EquatableArray.FromEnumBits<RedFlag>(flags)) };
    }

    private Frame Open(bool flagsArray)
    {
        var isArray = reader.TokenType == JsonTokenType.StartArray;
        return new Frame { IsArray = isArray, FlagsArray = isArray && flagsArray, Id = NewObject() };
    }

    /// <summary>The path of the object at <paramref name="depth"/> of a walk, built only for a problem.</summary>
    private readonly string PathOf(string path, int depth)
    {
        var text = new StringBuilder(path);
        for (var i = 0; i < depth && text.Length <= ProblemList.MaximumPathLength; i++)
        {
            if (frames![i].IsArray)
            {
                text.Append('[').Append((frames[i].Index - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append('.').Append(JsonPaths.Shortened(NameOf((frames[i].NameStart, frames[i].NameLength, frames[i].NameEscaped))));
            }
        }

        return text.ToString();
    }

    /// <summary>The line and position (both from 1) of a byte of the document.</summary>
    private readonly (long Line, int Position) Place(int offset)
    {
        var before = json[..offset];
        return (before.Count((byte)'\n') + 1, offset - (before.LastIndexOf((byte)'\n') + 1) + 1);
    }

    /// <summary>The text of an escaped name met earlier in the pass (for a path; text that cannot be decoded is replaced).</summary>
    private static string Unescaped(ReadOnlySpan<byte> raw)
    {
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var name = new Utf8JsonReader(quoted);
        name.Read();
        try
        {
            return name.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(raw);
        }
    }

    private readonly bool TryUnescape(Span<byte> target, out int length)
    {
        try
        {
            length = reader.CopyString(target);
            return true;
        }
        catch (InvalidOperationException)
        {
            length = 0;
            return false;
        }
    }

    private static readonly byte[][] FlagNames = ["redFlags"u8.ToArray(), "newRedFlags"u8.ToArray()];

    private struct Frame
    {
        public bool IsArray;

        /// <summary>For an array: whether it is the value of a <c>redFlags</c> or <c>newRedFlags</c> property.</summary>
        public bool FlagsArray;

        /// <summary>For an object: whether its current property is <c>redFlags</c> or <c>newRedFlags</c>.</summary>
        public bool FlagsNamed;
        public int Id;

        /// <summary>For an array: the number of items started (so the current item is <c>Index - 1</c>).</summary>
        public int Index;
        public int NameStart;
        public int NameLength;
        public bool NameEscaped;
    }
}
