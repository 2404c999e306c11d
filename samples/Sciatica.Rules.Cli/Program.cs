using Sciatica.Rules.Cli;

return CommandLine.Run(args, Console.In, Console.Out, Console.Error);
