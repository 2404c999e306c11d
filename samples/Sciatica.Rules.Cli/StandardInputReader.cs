namespace Sciatica.Rules.Cli;

/// <summary>Standard input, opened on first read: most commands read a file, and opening the console's reader costs time at start.</summary>
internal sealed class StandardInputReader : TextReader
{
    private TextReader? reader;

    private TextReader Reader => reader ??= Console.In;

    public override int Peek() => Reader.Peek();

    public override int Read() => Reader.Read();

    public override int Read(char[] buffer, int index, int count) => Reader.Read(buffer, index, count);

    public override string? ReadLine() => Reader.ReadLine();

    public override string ReadToEnd() => Reader.ReadToEnd();
}
