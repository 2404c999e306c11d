using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Sciatica.Rules.Generate;
using Sciatica.Rules.Testing;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The contract names of the library's enums are generated into src/Sciatica.Rules/Domain/ContractNameTables.g.cs,
/// so that a process reads no enum metadata by reflection before its first decision. These tests write that file again
/// from reflection (by the writer of eng/Sciatica.Rules.Generate, which also writes the file) and compare it character
/// for character, and check that names, parsing and "is defined" agree
/// with reflection for every value of every enum (and for values no enum declares).
/// </summary>
public sealed class ContractNameTablesTests
{
    public static TheoryData<Type> Enums() => [.. ContractNameTablesSource.LibraryEnums()];

    [Fact]
    public void GeneratedSource_IsWhatReflectionGives()
    {
        Architecture.GeneratedFilesTests.AssertCurrent("src/Sciatica.Rules/Domain/ContractNameTables.g.cs");
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Tables_AgreeWithReflection(Type type)
    {
        Assert.True(ContractNameTables.TryGet(type.FullName, out var byValue, out var declared), $"{type.Name} has no generated table.");
        var check = typeof(ContractNameTablesTests).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        check.Invoke(null, [byValue, declared]);
    }

    private static void Check<TEnum>(string?[] byValue, ulong declared)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var index = Convert.ToInt32(value, CultureInfo.InvariantCulture);

            // The readers keep a list of an enum's values as bits of one 64-bit word.
            Assert.InRange(index, 0, 63);
            var name = value.ToString();
            Assert.True((declared & (1UL << index)) != 0);
            Assert.True(ContractNames.IsDefined(value));
            if (name == "Unspecified")
            {
                Assert.Null(byValue[index]);
                Assert.False(ContractNames.TryParse<TEnum>("unspecified", out _));
                continue;
            }

            var contract = JsonNamingPolicy.CamelCase.ConvertName(name);
            Assert.Equal(contract, byValue[index]);
            Assert.Equal(contract, ContractNames.Of(value));
            Assert.True(ContractNames.TryParse<TEnum>(contract, out var parsed));
            Assert.Equal(value, parsed);
        }

        Assert.Equal(Enum.GetNames<TEnum>().Where(n => n != "Unspecified").Select(JsonNamingPolicy.CamelCase.ConvertName), ContractNames.All<TEnum>());
        foreach (var undeclared in new[] { -1, 63, 64, 99, byValue.Length })
        {
            var value = (TEnum)Enum.ToObject(typeof(TEnum), undeclared);
            Assert.Equal(Enum.IsDefined(value), ContractNames.IsDefined(value));
        }
    }
}
