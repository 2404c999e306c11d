using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sciatica.Rules.Handouts;

/// <summary>
/// Line drawings of the default exercises, generated from a stick-figure body model (<see cref="Pose"/>): for each
/// exercise the starting pose (faint, dashed), the end pose (solid) and an arrow for the movement, on the floor (or
/// chair, or water) it uses, on a 200 x 120 grid. No free-hand figure: every line comes from joint angles, which the
/// tests check against the exercise's movement tags and steps. A custom exercise without a drawing gets a neutral
/// placeholder (an empty frame), never another exercise's picture.
/// </summary>
internal static class Illustrations
{
    /// <summary>The floor line of the mat, in drawing units (y up): bodies lying or kneeling rest on it.</summary>
    public const double MatTop = -98;

    /// <summary>The ground for standing and the floor under a chair.</summary>
    public const double Ground = -108;

    /// <summary>The chair's seat.</summary>
    public const double Seat = -82;

    private const string Mat = "<rect class=\"mat\" x=\"10\" y=\"101\" width=\"180\" height=\"5\" rx=\"2\"/><path class=\"floor\" d=\"M6 104H194\"/>";
    private const string GroundLine = "<path class=\"floor\" d=\"M6 109H194\"/>";
    private const string Chair = "<path class=\"prop\" d=\"M46 84H86M50 84V109M82 84V109M46 84V40\"/><path class=\"floor\" d=\"M6 109H194\"/>";
    private const string Water = "<path class=\"water\" d=\"M6 46q12-6 24 0t24 0t24 0t24 0t24 0t24 0t24 0t24 0V109H6Z\"/>" + GroundLine;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Common poses. Lying on the back (head to the left): the trunk points to -x, so the front faces up.
    private static readonly Limb Hooked = new(50, 100);
    private static readonly Limb ArmAlongside = new(0, 0);
    private static readonly Point SupineHip = new(110, MatTop);

    private static Pose Supine(Limb near, Limb far, Limb? nearArm = null, Limb? farArm = null) =>
        new(SupineHip, 180, 0, near, far, nearArm ?? ArmAlongside, farArm ?? ArmAlongside);

    /// <summary>Sitting tall on the chair, thighs level, shins down, facing +x.</summary>
    private static Pose Seated(double neck, Limb nearLeg, Limb arms) =>
        new(new(66, Seat + 5), 90, neck, nearLeg, new(90, 90), arms, arms);

    /// <summary>The drawings, by exercise id.</summary>
    internal static readonly Dictionary<string, Drawing> Drawings = new(StringComparer.Ordinal)
    {
        // Lying on the back, both knees bent; the tummy tightens without moving (no joint moves: marks over the belly).
        ["abdominal-bracing"] = new(Mat, Supine(Hooked, Hooked), Supine(Hooked, Hooked), [], "M84 82h20M88 77h12"),

        // On hands and knees; one arm reaches forward and the opposite leg back, the back level (trunk unchanged).
        ["bird-dog"] = new(Mat,
            new(new(62, -75), 10, 10, new(80, 90), new(80, 90), new(80, 0), new(80, 0)),
            new(new(62, -75), 10, 10, new(80, 90), new(0, 0), new(180, 0), new(80, 0)),
            [Arrow.Between("nearHand"), Arrow.Between("farFoot")]),

        // Lying on the back, knees bent; the hips lift until the body is straight from shoulders to knees.
        ["bridge"] = new(Mat, Supine(Hooked, Hooked),
            new(new(107.95, -86.37), 200, 0, new(0, 78), new(0, 78), new(-20, 0), new(-20, 0)),
            [Arrow.Between("hip")]),

        // Lying on the back, both knees bent; one knee comes to the chest, held behind the thigh; the other stays bent.
        ["knee-to-chest"] = new(Mat, Supine(Hooked, Hooked),
            Supine(new(125, 135), Hooked, new(42, 0), new(42, 0)),
            [Arrow.Between("nearKnee")]),

        // Seen from above: lying on the back, arms out to the sides, knees bent; both knees lower to one side.
        ["lower-trunk-rotation"] = new(Mat,
            new(new(96, -70), 90, 0, new(8, 25), new(-8, -25), new(90, 0), new(-90, 0)),
            new(new(96, -70), 90, 0, new(45, 70), new(35, 55), new(90, 0), new(-90, 0)),
            [Arrow.Between("nearKnee")], View: "above"),

        // Lying on the back, knees bent; the small of the back presses gently toward the floor (no joint moves).
        ["pelvic-tilt"] = new(Mat, Supine(Hooked, Hooked), Supine(Hooked, Hooked),
            [new Arrow(null, new(96, -78), new(96, -93))]),

        // Lying on the back: one ankle crossed over the other knee (a figure 4); the lower thigh is pulled to the chest.
        ["piriformis-stretch"] = new(Mat,
            Supine(new(110, 120), Hooked),
            Supine(new(140, 120), new(80, 100), new(42, 0), new(42, 0)),
            [Arrow.Between("farKnee")]),

        // Lying face down (head to the right, front down); straight arms lift the upper body, the hips stay down.
        ["prone-press-up"] = new(Mat,
            new(new(88, MatTop), 0, 0, new(0, 0), new(0, 0), new(0, 180), new(0, 180)),
            new(new(88, MatTop), 30, -10, new(-30, 0), new(-30, 0), new(3.3, 0), new(3.3, 0)),
            [Arrow.Between("shoulder")]),

        // Sitting tall on a chair: the knee straightens as the head tips back to look up, and bends again as the chin
        // comes to the chest (the start pose).
        ["sciatic-nerve-glide"] = new(Chair,
            Seated(35, new(90, 90), new(30, 60)),
            Seated(-30, new(90, 10), new(30, 60)),
            [Arrow.Between("nearFoot"), Arrow.Between("head")]),

        // Sitting tall, arms crossed over the chest; the upper body turns to one side (the arrow turns around it).
        ["seated-trunk-rotation"] = new(Chair,
            Seated(0, new(90, 90), new(10, 160)),
            Seated(0, new(90, 90), new(10, 160)),
            [new Arrow(null, new(50, -52), new(82, -52), Bulge: -14)]),

        // Standing, hands on the small of the back; the upper body leans back with the knees straight.
        ["standing-back-extension"] = new(GroundLine,
            new(new(100, Ground + 46), 90, 0, new(0, 0), new(0, 0), new(-45, 95), new(-45, 95)),
            new(new(100, Ground + 46), 112, -10, new(-22, 0), new(-22, 0), new(-45, 95), new(-45, 95)),
            [Arrow.Between("head")]),

        // Lying on the back, one knee bent and that foot flat; the other leg lifts straight up (from the floor, the start
        // pose), and the heel presses toward the ceiling (the arrow over the heel, along the stretch).
        ["supine-hamstring-stretch"] = new(Mat,
            Supine(new(0, 0), Hooked),
            Supine(new(90, 0), Hooked, new(38, -10), new(38, -10)),
            [Arrow.Between("nearFoot"), new Arrow(null, new(110, -40), new(110, -28))]),

        // Walking upright on level ground: a stride, arms swinging; the body moves forward.
        ["walking"] = new(GroundLine, Walker(40), Walker(62), [Arrow.Between("hip")]),

        // Walking in chest-deep water, back upright.
        ["water-walking"] = new(Water, Walker(40), Walker(62), [Arrow.Between("hip")]),
    };

    /// <summary>Whether an exercise's drawing is upright (standing or sitting: taller than it is wide, near enough), so that on paper the steps run beside it.</summary>
    public static bool IsTall(string exerciseId)
    {
        if (!Drawings.TryGetValue(exerciseId, out var drawing))
        {
            return false;
        }

        var (_, _, width, height) = Bounds(drawing);
        return height > 0.6 * width;
    }

    /// <summary>Whether an exercise id has a drawing of its own.</summary>
    public static bool Has(string exerciseId) => Drawings.ContainsKey(exerciseId);

    /// <summary>The ids that have a drawing.</summary>
    public static IEnumerable<string> Ids => Drawings.Keys;

    /// <summary>The inline SVG of an exercise, labelled for assistive technology; a placeholder when it has no drawing.</summary>
    public static string Svg(string exerciseId, string titleId, string label)
    {
        var s = new StringBuilder();
        var box = Drawings.TryGetValue(exerciseId, out var framed) ? Frame(framed) : "0 0 200 120";
        s.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"").Append(box).Append("\" role=\"img\" aria-labelledby=\"").Append(Encoder.Encode(titleId)).Append("\" focusable=\"false\">");
        s.Append("<title id=\"").Append(Encoder.Encode(titleId)).Append("\">").Append(Encoder.Encode(label)).Append("</title>");
        if (Drawings.TryGetValue(exerciseId, out var drawing))
        {
            s.Append(drawing.View == "above" ? "<rect class=\"mat\" x=\"40\" y=\"8\" width=\"112\" height=\"104\" rx=\"4\"/>" : drawing.Props);
            if (drawing.Start != drawing.End)
            {
                drawing.Start.AppendSvg(s, start: true);
            }

            drawing.End.AppendSvg(s, start: false);
            if (drawing.Marks.Length > 0)
            {
                s.Append("<path class=\"move\" d=\"").Append(drawing.Marks).Append("\"/>");
            }

            foreach (var arrow in drawing.Arrows)
            {
                arrow.AppendSvg(s, drawing);
            }
        }
        else
        {
            s.Append("<rect class=\"placeholder\" x=\"10\" y=\"10\" width=\"180\" height=\"100\" rx=\"8\"/>");
            s.Append("<path class=\"placeholder-mark\" d=\"M40 84H160M70 60h60\"/>");
        }

        return s.Append("</svg>").ToString();
    }

    /// <summary>
    /// The part of the 200 x 120 grid the figure uses (both poses, the head, the arrows and the floor under them), with
    /// a margin: the drawing is cropped to it so that the figure fills the card's picture rather than a corner of it.
    /// </summary>
    private static string Frame(Drawing drawing)
    {
        var (left, top, width, height) = Bounds(drawing);
        return string.Join(" ", Pose.Svg(left), Pose.Svg(top), Pose.Svg(width), Pose.Svg(height));
    }

    /// <summary>The drawing's frame: both poses and the arrows with a margin, within the 200 x 120 canvas.</summary>
    private static (double Left, double Top, double Width, double Height) Bounds(Drawing drawing)
    {
        var points = new List<Point>();
        foreach (var pose in new[] { drawing.Start, drawing.End })
        {
            foreach (var joint in new[] { "hip", "shoulder", "nearKnee", "nearFoot", "farKnee", "farFoot", "nearHand", "farHand" })
            {
                points.Add(pose.Joint(joint));
            }

            points.Add(pose.Head + new Point(Pose.HeadRadius, Pose.HeadRadius));
            points.Add(pose.Head - new Point(Pose.HeadRadius, Pose.HeadRadius));
        }

        foreach (var arrow in drawing.Arrows)
        {
            var (from, to) = arrow.Ends(drawing);
            points.Add(from);
            points.Add(to);
            points.Add(from + Point.Polar(Math.Abs(arrow.Bulge) + 6, (to - from).Degrees + (arrow.Bulge < 0 ? -90 : 90)));
        }

        const double Margin = 10;
        var left = Math.Max(0, points.Min(p => p.X) - Margin);
        var right = Math.Min(200, points.Max(p => p.X) + Margin);
        var top = Math.Max(0, -points.Max(p => p.Y) - Margin);
        var bottom = Math.Min(120, -points.Min(p => p.Y) + Margin);
        return (left, top, right - left, bottom - top);
    }

    /// <summary>Upright, mid-stride: the near leg forward and the far leg back, the arms swinging the other way.</summary>
    private static Pose Walker(double x) =>
        new(new(x + 40, Ground + 44), 92, 0, new(22, 8), new(-18, 12), new(-25, 20), new(25, 20));

    /// <summary>
    /// One drawing: what the figure lies, kneels, sits or stands on; the start and end poses; the arrows of the
    /// movement; extra marks (the tummy tightening); and the view ("side", or "above" for lying seen from overhead).
    /// </summary>
    internal sealed record Drawing(string Props, Pose Start, Pose End, IReadOnlyList<Arrow> Arrows, string Marks = "", string View = "side");

    /// <summary>
    /// An arrow of the movement: from where a joint is in the start pose to where it is in the end pose (pulled in a
    /// little at both ends so it does not cover the limb), or between two fixed points; <paramref name="Bulge"/>
    /// curves it sideways (a turn around the trunk).
    /// </summary>
    internal sealed record Arrow(string? Joint, Point From = default, Point To = default, double Bulge = 0)
    {
        public static Arrow Between(string joint) => new(joint);

        /// <summary>Where the arrow starts and ends, in drawing units (y up).</summary>
        public (Point From, Point To) Ends(Drawing drawing)
        {
            if (Joint is null)
            {
                return (From, To);
            }

            var from = drawing.Start.Joint(Joint);
            var to = drawing.End.Joint(Joint);
            var d = to - from;

            // Off the limb: shifted a little to the side of the movement, and shortened at both ends.
            var side = Point.Polar(7, d.Degrees + 90);
            return (from + Scale(d, 0.15) + side, from + Scale(d, 0.85) + side);
        }

        public void AppendSvg(StringBuilder s, Drawing drawing)
        {
            var (from, to) = Ends(drawing);
            var d = to - from;
            var middle = from + Scale(d, 0.5) + Point.Polar(Bulge, d.Degrees + 90);
            var tangent = Bulge == 0 ? d.Degrees : (to - middle).Degrees;
            s.Append("<path class=\"move\" d=\"M").Append(Pose.Svg(from)).Append('Q').Append(Pose.Svg(middle)).Append(' ').Append(Pose.Svg(to)).Append("\"/>");
            var tip = to + Point.Polar(3, tangent);
            var left = to + Point.Polar(5, tangent + 140);
            var right = to + Point.Polar(5, tangent - 140);
            s.Append("<path class=\"arrowhead\" d=\"M").Append(Pose.Svg(tip)).Append('L').Append(Pose.Svg(left)).Append('L').Append(Pose.Svg(right)).Append("Z\"/>");
        }

        private static Point Scale(Point p, double f) => new(p.X * f, p.Y * f);
    }
}
