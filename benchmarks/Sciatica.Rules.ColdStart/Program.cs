using System.Runtime.CompilerServices;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

// One fresh process per measurement (benchmarks/cold-start.sh): "hello" prints a line and touches nothing of the
// library (the baseline); "phases N PROFILE" stops after phase N of the first decision, so the difference between
// the process times of N and N-1 is what phase N costs a fresh process:
//   0 nothing, 1 the default catalog, 2 the default engine, 3 reading the profile, 4 the decision, 5 its JSON.
if (args is ["hello"])
{
    Console.WriteLine("hello");
    return 0;
}

if (args is not ["phases", var phase, var path] || !int.TryParse(phase, out var last))
{
    Console.Error.WriteLine("usage: Sciatica.Rules.ColdStart hello | phases 0..5 PROFILE");
    return 2;
}

Phases(last, path);
return 0;

// Kept apart from the top level, so that the baseline never loads the library.
[MethodImpl(MethodImplOptions.NoInlining)]
static void Phases(int last, string path)
{
    if (last >= 1)
    {
        GC.KeepAlive(ExerciseCatalog.Default);
    }

    if (last >= 2)
    {
        GC.KeepAlive(ProgramSelector.Default);
    }

    var profile = last >= 3 ? SciaticaJson.ReadProfile(File.ReadAllBytes(path)) : null;
    var decision = last >= 4 ? ProgramSelector.Default.Select(profile!) : null;
    if (last >= 5)
    {
        Console.Out.Write(SciaticaJson.WriteDecision(decision!));
    }
}
