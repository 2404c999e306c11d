using System.Globalization;

namespace Sciatica.Rules;

/// <summary>The JSON paths of problems (<c>$.exercises[3].id</c>), with names and values cut so that a report stays small.</summary>
internal static class JsonPaths
{
    /// <summary>The path of a property of the object at <paramref name="path"/>.</summary>
    public static string Child(string path, string name) => path + "." + Shortened(name);

    /// <summary>The path of an item of the array at <paramref name="path"/>.</summary>
    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Cuts a value or name shown in a path or message to 80 characters (an ellipsis included), so that a report stays small.</summary>
    public static string Shortened(string text) => ProblemList.Echo(text);
}
