using System.Globalization;
using System.Text;

namespace Sciatica.Rules.Handouts;

/// <summary>
/// A stick-figure body in two dimensions, placed by joint angles: the hip's position, the trunk's direction, and the
/// flexion of neck, hips, knees, shoulders and elbows. Coordinates are in drawing units with y up (the SVG flips
/// them). "Front" is the side the chest faces: the trunk's direction turned a quarter clockwise, so the same angles
/// mean the same movement standing, lying on the back or lying face down.
/// </summary>
/// <param name="Hip">Where the hip joint is.</param>
/// <param name="Trunk">The direction from hip to shoulder, in degrees (0 = +x, 90 = up).</param>
/// <param name="Neck">Neck flexion in degrees: positive brings the chin to the chest, negative tips the head back.</param>
/// <param name="NearLeg">The leg nearer the viewer (drawn on top).</param>
/// <param name="FarLeg">The other leg.</param>
/// <param name="NearArm">The arm nearer the viewer.</param>
/// <param name="FarArm">The other arm.</param>
internal sealed record Pose(Point Hip, double Trunk, double Neck, Limb NearLeg, Limb FarLeg, Limb NearArm, Limb FarArm)
{
    public const double TrunkLength = 34;
    public const double NeckLength = 5;
    public const double HeadRadius = 8;
    public const double ThighLength = 23;
    public const double ShankLength = 23;
    public const double UpperArmLength = 16;
    public const double ForearmLength = 15;

    public Point Shoulder => Hip + Point.Polar(TrunkLength, Trunk);

    /// <summary>The neck's direction: the trunk's, turned toward the front by the neck's flexion.</summary>
    public double NeckDirection => Trunk - Neck;

    public Point Head => Shoulder + Point.Polar(NeckLength + HeadRadius, NeckDirection);

    /// <summary>The direction of the front of the chest.</summary>
    public double Front => Trunk - 90;

    public LimbPoints Leg(Limb leg)
    {
        // Hip flexion turns the thigh from straight on (opposite the trunk) toward the front; knee flexion turns the
        // shank back from the thigh's line.
        var thigh = Trunk + 180 + leg.Proximal;
        var knee = Hip + Point.Polar(ThighLength, thigh);
        return new(Hip, knee, knee + Point.Polar(ShankLength, thigh - leg.Distal), thigh, thigh - leg.Distal);
    }

    public LimbPoints Arm(Limb arm)
    {
        // Shoulder flexion turns the arm from hanging along the trunk toward the front (90 = reaching forward,
        // 180 = overhead); a negative flexion takes it behind. Elbow flexion folds the forearm forward.
        var upper = Trunk + 180 + arm.Proximal;
        var elbow = Shoulder + Point.Polar(UpperArmLength, upper);
        return new(Shoulder, elbow, elbow + Point.Polar(ForearmLength, upper + arm.Distal), upper, upper + arm.Distal);
    }

    /// <summary>The hip angle between trunk and thigh, 180 when in line (standing straight); below 180 is flexion.</summary>
    public static double HipAngle(Limb leg) => 180 - leg.Proximal;

    /// <summary>The knee angle between thigh and shank, 180 when straight.</summary>
    public static double KneeAngle(Limb leg) => 180 - leg.Distal;

    /// <summary>A named point of the pose: hip, shoulder, head, nearKnee, nearFoot, farKnee, farFoot, nearHand, farHand.</summary>
    public Point Joint(string name) => name switch
    {
        "hip" => Hip,
        "shoulder" => Shoulder,
        "head" => Head,
        "nearKnee" => Leg(NearLeg).Middle,
        "nearFoot" => Leg(NearLeg).End,
        "farKnee" => Leg(FarLeg).Middle,
        "farFoot" => Leg(FarLeg).End,
        "nearHand" => Arm(NearArm).End,
        "farHand" => Arm(FarArm).End,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "allowed values: hip, shoulder, head, nearKnee, nearFoot, farKnee, farFoot, nearHand, farHand."),
    };

    /// <summary>The figure as SVG: the far limbs, the trunk, the near limbs, and the head; <paramref name="start"/> draws it as the faint starting pose.</summary>
    public void AppendSvg(StringBuilder s, bool start)
    {
        var line = start ? "start" : "body";
        s.Append("<path class=\"").Append(line).Append("\" d=\"");
        Polyline(s, Leg(FarLeg));
        Polyline(s, Arm(FarArm));
        s.Append('M').Append(Svg(Hip)).Append('L').Append(Svg(Shoulder)).Append('L').Append(Svg(Shoulder + Point.Polar(NeckLength, NeckDirection)));
        Polyline(s, Leg(NearLeg));
        Polyline(s, Arm(NearArm));
        s.Append("\"/>");
        s.Append("<circle class=\"").Append(start ? "start-head" : "head").Append("\" cx=\"").Append(Svg(Head.X)).Append("\" cy=\"").Append(Svg(-Head.Y)).Append("\" r=\"").Append(Svg(HeadRadius)).Append("\"/>");
        if (!start)
        {
            // The eye, so that the way the face looks (and the head tips) can be seen.
            var eye = Head + Point.Polar(HeadRadius * 0.5, NeckDirection - 60);
            s.Append("<circle class=\"eye\" cx=\"").Append(Svg(eye.X)).Append("\" cy=\"").Append(Svg(-eye.Y)).Append("\" r=\"1.6\"/>");
        }
    }

    private static void Polyline(StringBuilder s, LimbPoints limb) =>
        s.Append('M').Append(Svg(limb.Start)).Append('L').Append(Svg(limb.Middle)).Append('L').Append(Svg(limb.End));

    internal static string Svg(Point p) => Svg(p.X) + " " + Svg(-p.Y);

    internal static string Svg(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>A leg or an arm: flexion at the hip or shoulder (proximal) and at the knee or elbow (distal), in degrees.</summary>
internal readonly record struct Limb(double Proximal, double Distal);

/// <summary>A limb's three points (hip or shoulder, knee or elbow, foot or hand) and its two segments' directions.</summary>
internal readonly record struct LimbPoints(Point Start, Point Middle, Point End, double Upper, double Lower);

/// <summary>A point of the drawing, y up.</summary>
internal readonly record struct Point(double X, double Y)
{
    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);

    public static Point operator -(Point a, Point b) => new(a.X - b.X, a.Y - b.Y);

    public static Point Polar(double length, double degrees) =>
        new(length * Math.Cos(degrees * Math.PI / 180), length * Math.Sin(degrees * Math.PI / 180));

    public double Length => Math.Sqrt((X * X) + (Y * Y));

    /// <summary>The direction of this vector in degrees, -180 to 180.</summary>
    public double Degrees => Math.Atan2(Y, X) * 180 / Math.PI;
}
