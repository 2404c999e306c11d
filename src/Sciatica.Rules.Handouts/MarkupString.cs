namespace Sciatica.Rules.Handouts;

/// <summary>A piece of HTML that is already encoded (a sentence from <see cref="Texts"/>, an encoded value), written out as it is.</summary>
/// <param name="Value">The HTML.</param>
internal readonly record struct MarkupString(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
