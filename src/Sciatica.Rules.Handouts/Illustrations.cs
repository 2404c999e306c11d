using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sciatica.Rules.Handouts;

/// <summary>
/// Line drawings of the default exercises, drawn for this project: a figure of lines and a circle on a 200 x 120
/// grid, the floor (or chair, or water) it uses, and an arrow for the movement. A custom exercise without a drawing
/// gets a neutral placeholder (an empty frame), never another exercise's picture.
/// </summary>
internal static class Illustrations
{
    /// <summary>An exercise mat on the floor, for the exercises done lying or kneeling.</summary>
    private const string Mat = "<rect class=\"mat\" x=\"14\" y=\"101\" width=\"176\" height=\"5\" rx=\"2\"/><path class=\"floor\" d=\"M8 104H192\"/>";

    /// <summary>The ground, for the exercises done standing.</summary>
    private const string Ground = "<path class=\"floor\" d=\"M8 108H192\"/>";
    private const string Chair = "<path class=\"prop\" d=\"M60 78H104M64 78V112M100 78V112M60 78V34\"/>";
    private const string Water = "<path class=\"water\" d=\"M8 44q12-6 24 0t24 0t24 0t24 0t24 0t24 0t24 0t24 0V112H8Z\"/>";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The drawings, by exercise id: the mat, chair, ground or water, then the figure's limbs as paths, its head, and the movement.</summary>
    private static readonly Dictionary<string, Drawing> Drawings = new(StringComparer.Ordinal)
    {
        // Lying on the back, knees bent; the tummy muscles tighten (the marks over the belly).
        ["abdominal-bracing"] = new(Mat, "M38 96H100M100 96L128 68L152 100M44 96L88 99", (28, 92), "M62 84h22M66 79h14"),
        // On hands and knees; one arm reaches forward while the opposite leg reaches back.
        ["bird-dog"] = new(Mat, "M62 62H122M62 62L22 54M72 62V100M122 62V100H150M122 62L182 58", (50, 56), "M20 44l-8 6 8 6M184 48l8 6-8 6"),
        // Lying on the back, knees bent, hips lifted off the floor.
        ["bridge"] = new(Mat, "M34 98L96 72L132 60L142 100M38 98L80 100", (24, 94), "M96 52v-14M90 44l6-8 6 8"),
        // Lying on the back, one knee held toward the chest, the other leg straight.
        ["knee-to-chest"] = new(Mat, "M38 96H110H184M110 96L84 62L108 52M52 94L86 64", (28, 92), "M70 44q14-10 26 2"),
        // Lying on the back, knees bent together and lowered to one side.
        ["lower-trunk-rotation"] = new(Mat, "M38 96H100M100 96L134 80L156 100M100 96L130 86L154 100M44 96L40 74M44 96L60 76", (28, 92), "M132 60q16 4 20 18M146 76l6 4 2-8"),
        // Lying on the back, knees bent; the low back presses gently toward the floor (the arrow under the back).
        ["pelvic-tilt"] = new(Mat, "M38 96H100M100 96L128 68L152 100M44 96L88 99", (28, 92), "M80 80v12M74 86l6 8 6-8"),
        // Lying on the back, one ankle resting on the other knee.
        ["piriformis-stretch"] = new(Mat, "M38 96H100M100 96L130 66L152 100M100 96L124 70L150 64M50 94L118 72", (28, 92), "M150 52q-10-10-22-4"),
        // Lying face down, pressing the upper body up on straight arms, hips on the floor.
        ["prone-press-up"] = new(Mat, "M92 98H186M92 98L50 66M54 70L58 100", (40, 58), "M30 80q-6-14 4-26M28 58l6-6 4 8"),
        // Sitting tall on a chair, straightening one knee while the other foot stays on the floor.
        ["sciatic-nerve-glide"] = new(Chair, "M68 34V76H106L148 64M106 76V108M68 44L98 64", (68, 22), "M152 82q10-10 6-24M152 58l6-4 4 8"),
        // Sitting tall on a chair, arms crossed, turning the upper body to one side.
        ["seated-trunk-rotation"] = new(Chair, "M68 34V76H106V108M56 46L82 52M82 46L56 52", (68, 22), "M40 30q28-16 56 0M90 24l6 6-8 2"),
        // Standing, hands on the low back, leaning gently backward.
        ["standing-back-extension"] = new(Ground, "M94 108L96 70L88 32M90 40L110 56L96 68", (86, 22), "M70 30q-8 12 0 26M66 52l4 6 4-6"),
        // Lying on the back, one leg raised with the heel toward the ceiling, hands behind the thigh.
        ["supine-hamstring-stretch"] = new(Mat, "M38 96H110H184M110 96L124 22M52 94L116 58", (28, 92), "M136 24h16M146 18l6 6-6 6"),
        // Walking: a long stride, arms swinging.
        ["walking"] = new(Ground, "M100 64L84 104M100 64L118 104M100 28V64M100 36L88 58M100 36L114 56", (100, 18), "M132 40h26M152 34l6 6-6 6"),
        // Walking in chest-deep water.
        ["water-walking"] = new(Water, "M100 64L84 104M100 64L118 104M100 28V64M100 36L88 58M100 36L114 56", (100, 18), "M132 40h26M152 34l6 6-6 6"),
    };

    /// <summary>Whether an exercise id has a drawing of its own.</summary>
    public static bool Has(string exerciseId) => Drawings.ContainsKey(exerciseId);

    /// <summary>The ids that have a drawing.</summary>
    public static IEnumerable<string> Ids => Drawings.Keys;

    /// <summary>The inline SVG of an exercise, labelled for assistive technology; a placeholder when it has no drawing.</summary>
    public static string Svg(string exerciseId, string titleId, string label)
    {
        var s = new StringBuilder();
        s.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 120\" role=\"img\" aria-labelledby=\"").Append(Encoder.Encode(titleId)).Append("\" focusable=\"false\">");
        s.Append("<title id=\"").Append(Encoder.Encode(titleId)).Append("\">").Append(Encoder.Encode(label)).Append("</title>");
        if (Drawings.TryGetValue(exerciseId, out var drawing))
        {
            s.Append(drawing.Props);
            s.Append("<path class=\"body\" d=\"").Append(drawing.Limbs).Append("\"/>");
            s.Append("<circle class=\"head\" cx=\"").Append(drawing.Head.X).Append("\" cy=\"").Append(drawing.Head.Y).Append("\" r=\"9\"/>");
            if (drawing.Movement.Length > 0)
            {
                s.Append("<path class=\"move\" d=\"").Append(drawing.Movement).Append("\"/>");
            }
        }
        else
        {
            s.Append("<rect class=\"placeholder\" x=\"10\" y=\"10\" width=\"180\" height=\"100\" rx=\"8\"/>");
            s.Append("<path class=\"placeholder-mark\" d=\"M40 84H160M70 60h60\"/>");
        }

        return s.Append("</svg>").ToString();
    }

    /// <summary>One drawing: what the figure lies, kneels, sits or stands on; its limbs; its head; the movement.</summary>
    private sealed record Drawing(string Props, string Limbs, (int X, int Y) Head, string Movement);
}
