using System.Runtime.InteropServices;

namespace Sciatica.Rules.Cli;

/// <summary>
/// A write-only stream over an inherited descriptor (standard output or error) that writes with write(2).
/// </summary>
/// <remarks>
/// A FileStream over a descriptor that is a regular file writes at a position of its own (pwrite) and leaves the
/// descriptor's offset where it was, so the next writer to the same file (the shell's next command in
/// <c>{ a; b; } &gt; file</c>, or a second CLI call) wrote over this one's output. write(2) moves the shared offset, as
/// every other program does. Unlike the console's stream, a failed write, a closed pipe included, is reported as an
/// IOException rather than ignored, unless the stream is told to drop what it cannot write: the error stream is, since
/// a message that cannot be written has nowhere else to go, and the exit code still tells the outcome.
/// </remarks>
/// <param name="descriptor">The descriptor written to.</param>
/// <param name="dropFailedWrites">Whether a failed write is dropped silently instead of reported.</param>
internal sealed partial class DescriptorStream(int descriptor, bool dropFailedWrites = false) : Stream
{
    private const int Interrupted = 4; // EINTR on Linux and macOS.

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var result = WriteBytes(descriptor, start + written, (nuint)(buffer.Length - written));
                if (result >= 0)
                {
                    written += (int)result;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted)
                {
                    continue;
                }

                if (dropFailedWrites)
                {
                    return;
                }

                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteBytes(int descriptor, byte* buffer, nuint count);
}
