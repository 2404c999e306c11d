namespace Sciatica.Rules;

/// <summary>Reads a whole document from a stream, refusing one larger than a limit before it is all in memory.</summary>
internal static class DocumentReader
{
    private const int ChunkBytes = 81920;

    public static byte[] ReadAll(Stream stream, int maximumBytes, string subject)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            Append(buffer, chunk, read, maximumBytes, subject);
        }

        return buffer.ToArray();
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, int maximumBytes, string subject, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer, chunk, read, maximumBytes, subject);
        }

        return buffer.ToArray();
    }

    private static void Append(MemoryStream buffer, byte[] chunk, int read, int maximumBytes, string subject)
    {
        buffer.Write(chunk, 0, read);
        if (buffer.Length > maximumBytes)
        {
            throw new SciaticaValidationException(subject, [new ValidationProblem("$", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is larger than {maximumBytes} bytes, the largest {subject} document accepted."))]);
        }
    }
}
