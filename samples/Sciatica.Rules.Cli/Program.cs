using System.Runtime.InteropServices;
using System.Text;
using Sciatica.Rules.Cli;

// In batch mode SIGINT and SIGTERM let the run finish the line it is on, flush whole lines and exit 130;
// a second signal ends the process at once. Other commands keep the default handling.
var stop = 0;
var batch = args.Contains("--batch");
using var interrupt = batch ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop) : null;
using var terminate = batch ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop) : null;

if (OperatingSystem.IsWindows())
{
    // The console's own writers follow the console's code page.
    return CommandLine.Run(args, Console.In, Console.Out, Console.Error, Console.OpenStandardInput, Console.OpenStandardOutput, () => Volatile.Read(ref stop) != 0);
}

// UTF-8 written straight to the standard descriptors: setting up Console.Out and Console.Error costs about 6 ms of
// every call (docs/benchmarks.md, cold start), and a closed pipe is reported instead of ignored. Standard input is
// opened only when a command reads it.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var output = new StreamWriter(StandardOutput(), utf8, bufferSize: 16 * 1024);
// An error message that cannot be written (standard error closed) is dropped: the exit code still tells the outcome.
var error = new StreamWriter(new DescriptorStream(2, dropFailedWrites: true), utf8) { AutoFlush = true };
var exitCode = CommandLine.Run(args, new StandardInputReader(), output, error, Console.OpenStandardInput, StandardOutput, () => Volatile.Read(ref stop) != 0);
try
{
    output.Dispose();
}
catch (IOException ex)
{
    error.WriteLine("error: the output could not be written: " + ex.Message);
    exitCode = exitCode == ExitCodes.Decided ? ExitCodes.Failure : exitCode;
}

return exitCode;

void Stop(PosixSignalContext context)
{
    context.Cancel = Interlocked.Exchange(ref stop, 1) == 0;
}

// The console stream ignores a closed pipe (EPIPE) and would report success with every later line lost; this one
// reports it, so the run stops with a message and a failure exit code. (Windows returned above, with the console's
// own streams.)
static Stream StandardOutput() => new DescriptorStream(1);
