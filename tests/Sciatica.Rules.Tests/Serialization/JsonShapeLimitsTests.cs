using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Pins the catalog's shape limits (<see cref="JsonShapeLimits.Catalog"/>) at their bounds: an array of exactly
/// 10,000 items and a document of exactly 250,000 values pass, one more is refused with its message word for word,
/// an array's count ends with the array (a value after it is not counted in it), and an array too long is placed
/// at the line of its first item too many. Written from the mutants the Serialization mutation run (part BC) left
/// alive in JsonShapeLimits.cs.
/// </summary>
public sealed class JsonShapeLimitsTests
{
    private const string TooManyItems = "has an array of more than 10000 items; at most 10000 are accepted.";

    private const string TooManyValues = "holds more than 250000 values; at most 250000 are accepted.";

    [Fact]
    public void Catalog_Limits_AreTenThousandItemsAndQuarterMillionValues()
    {
        Assert.Equal(new JsonShapeLimits(MaximumArrayItems: 10_000, MaximumValues: 250_000), JsonShapeLimits.Catalog);
    }

    [Fact]
    public void Check_ArrayOfExactlyMaximumItems_Passes()
    {
        Assert.Null(JsonShapeLimits.Catalog.Check(Array(10_000)));
    }

    [Fact]
    public void Check_ArrayOneItemTooLong_RefusedAtTheLineOfTheExtraItem()
    {
        // "{", then the property's line, then one item a line: item 10,001 is on line 10,003.
        var json = "{\n\"exercises\": [\n" + string.Join(",\n", Enumerable.Repeat("0", 10_001)) + "\n]\n}";

        var problem = JsonShapeLimits.Catalog.Check(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new ValidationProblem("$", TooManyItems, 10_003), problem);
    }

    [Fact]
    public void Load_ArrayOneItemTooLongOnTheFirstLine_TheOnlyProblemOnLineOne()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(Array(10_001))));

        Assert.Equal(new ValidationProblem("$", TooManyItems, 1), Assert.Single(error.Problems));
    }

    [Fact]
    public void Check_ValuesAfterAFullArray_AreNotCountedInIt()
    {
        var full = string.Join(",", Enumerable.Repeat("0", 10_000));
        var json = "{\"a\":[" + full + "],\"b\":0,\"c\":[[" + full + "],0]}";

        Assert.Null(JsonShapeLimits.Catalog.Check(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Check_ExactlyMaximumValues_Passes()
    {
        Assert.Null(JsonShapeLimits.Catalog.Check(Values(250_000)));
    }

    [Fact]
    public void Load_OneValueTooMany_TheOnlyProblemWordForWord()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(Values(250_001))));

        Assert.Equal(new ValidationProblem("$", TooManyValues), Assert.Single(error.Problems));
    }

    /// <summary>An array of zeros on one line.</summary>
    private static byte[] Array(int items) => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("0", items)) + "]");

    /// <summary>
    /// A document of exactly <paramref name="values"/> values and no array longer than 10,000 items: an array (one
    /// value) of 25 arrays (25 values) of zeros.
    /// </summary>
    private static byte[] Values(int values)
    {
        var zeros = values - 26;
        var text = new StringBuilder("[");
        for (var array = 0; array < 25; array++)
        {
            var here = Math.Min(zeros, 10_000);
            zeros -= here;
            text.Append(array == 0 ? "[" : ",[").AppendJoin(',', Enumerable.Repeat('0', here)).Append(']');
        }

        Assert.Equal(0, zeros);
        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }
}
