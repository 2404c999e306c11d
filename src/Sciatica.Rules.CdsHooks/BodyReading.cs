namespace Sciatica.Rules.CdsHooks;

/// <summary>Reads a body into memory up to a limit; a longer body is refused without reading it all.</summary>
internal static class BodyReading
{
    /// <summary>The bytes of <paramref name="body"/>, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
