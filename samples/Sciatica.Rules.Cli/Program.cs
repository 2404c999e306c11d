using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Sciatica.Rules.Cli;

// In batch mode SIGINT and SIGTERM let the run finish the line it is on, flush whole lines and exit 130;
// a second signal ends the process at once. Other commands keep the default handling.
var stop = 0;
var batch = args.Contains("--batch");
using var interrupt = batch ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop) : null;
using var terminate = batch ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop) : null;

return CommandLine.Run(args, Console.In, Console.Out, Console.Error, Console.OpenStandardInput, StandardOutput, () => Volatile.Read(ref stop) != 0);

void Stop(PosixSignalContext context)
{
    context.Cancel = Interlocked.Exchange(ref stop, 1) == 0;
}

// The console stream ignores a closed pipe (EPIPE) and would report success with every later line lost; a plain
// file stream over the same descriptor reports it, so the batch stops with a message and a failure exit code.
static Stream StandardOutput() => OperatingSystem.IsWindows()
    ? Console.OpenStandardOutput()
    : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
