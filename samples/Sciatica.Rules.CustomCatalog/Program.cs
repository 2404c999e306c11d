// A clinic loads its own catalog (an extra pool exercise and a stricter age threshold for injuries)
// through dependency injection, and compares its decision with the default catalog's.
//
//   dotnet run --project samples/Sciatica.Rules.CustomCatalog [-- path/to/catalog.json]
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sciatica.Rules;

var catalogPath = args.Length > 0 ? args[0] : Path.Combine("samples", "catalogs", "clinic-north.json");

using var services = new ServiceCollection().AddSciaticaRules(catalogPath).BuildServiceProvider();
IProgramSelector clinic;
try
{
    services.GetRequiredService<IStartupValidator>().Validate();
    clinic = services.GetRequiredService<IProgramSelector>();
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"The catalog '{catalogPath}' was refused:");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine("  - " + failure);
    }

    return 2;
}

var people = new (string Who, PatientProfile Profile)[]
{
    ("47-year-old after a fall, herniated disc", new() { RedFlags = [], SymptomsTolerateExercise = true, Causes = [Cause.Injury, Cause.HerniatedDisc], LegPain = 5, BackPain = 4, MedicalClearance = true, Age = 47, PoolAccess = true }),
    ("38-year-old with tight muscles and a pool", new() { RedFlags = [], SymptomsTolerateExercise = true, Causes = [Cause.TightMuscles], LegPain = 3, BackPain = 2, MedicalClearance = true, Age = 38, PoolAccess = true }),
};

Console.WriteLine($"Default catalog: {ProgramSelector.Default.RuleSetVersion}");
Console.WriteLine($"Clinic catalog:  {clinic.RuleSetVersion}");
foreach (var (who, profile) in people)
{
    var before = ProgramSelector.Default.Select(profile);
    var after = clinic.Select(profile);
    Console.WriteLine();
    Console.WriteLine(who);
    Console.WriteLine($"  default: {before.Decision,-16} exercises: {string.Join(", ", before.Exercises.Select(e => e.Id))}");
    Console.WriteLine($"  clinic:  {after.Decision,-16} exercises: {string.Join(", ", after.Exercises.Select(e => e.Id))}");
    foreach (var reason in after.Reasons.Where(r => !before.Reasons.Contains(r)))
    {
        Console.WriteLine($"  why it differs: [{reason.RuleId}] {reason.Message}");
    }
}

return 0;
