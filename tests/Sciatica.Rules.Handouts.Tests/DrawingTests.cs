using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// Every default exercise is drawn from the pose model, and the drawn angles and arrows say what its movement tags and
/// steps say: extension bends back, knees bent where the steps say so, the head moves in a nerve glide, arms out in
/// lower trunk rotation, the hamstring arrow along the stretch (heel up), the figure 4 of the piriformis stretch. The
/// drawings are also screenshotted to artifacts/handouts/drawings, to be read by eye.
/// </summary>
public sealed class DrawingTests(Browser browser) : IClassFixture<Browser>
{
    public static TheoryData<string> Exercises => [.. ExerciseCatalog.Default.Exercises.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(Exercises))]
    public void Drawing_ShowsTheMovementOfItsTagsAndSteps(string id)
    {
        var exercise = ExerciseCatalog.Default.Find(id)!;
        Assert.True(Illustrations.Drawings.TryGetValue(id, out var drawing), $"{id} has no drawing");
        var (start, end) = (drawing.Start, drawing.End);
        var steps = string.Join(" ", exercise.Instructions);
        var moves = exercise.Movements;
        var arrows = drawing.Arrows.Select(a => a.Ends(drawing)).Select(e => (e.From, e.To, Way: e.To - e.From)).ToList();

        // Every drawing that moves shows it: an arrow, and a start pose that differs from the end pose.
        if (moves.Any(m => m != MovementPattern.NeutralSpine) || Regex.IsMatch(steps, "reach|lift|lean|straighten|lower|turn|walk|pull|bring", RegexOptions.IgnoreCase))
        {
            Assert.NotEmpty(arrows);
        }

        if (Regex.IsMatch(steps, @"\bboth knees bent\b", RegexOptions.IgnoreCase))
        {
            Assert.True(Bent(start.NearLeg) && Bent(start.FarLeg), $"{id}: the steps say both knees bent");
        }

        if (Regex.IsMatch(steps, @"\bone knee bent\b", RegexOptions.IgnoreCase))
        {
            Assert.True(Bent(start.FarLeg) && Bent(end.FarLeg), $"{id}: the steps say one knee stays bent");
        }

        if (Regex.IsMatch(steps, @"knees straight|leg straight|straighten the (affected )?knee", RegexOptions.IgnoreCase))
        {
            Assert.True(Pose.KneeAngle(end.NearLeg) >= 165, $"{id}: the steps straighten the knee; it is drawn at {Pose.KneeAngle(end.NearLeg)} degrees");
        }

        if (moves.Contains(MovementPattern.LumbarExtension))
        {
            // Bends back: the trunk turns away from the front, the hips open past straight, and the shoulders go back.
            Assert.True(Turn(start.Trunk, end.Trunk) >= 15, $"{id}: extension must bend the trunk back (turned {Turn(start.Trunk, end.Trunk):0} degrees)");
            Assert.True(Pose.HipAngle(end.NearLeg) >= 195, $"{id}: extension must open the hip past straight ({Pose.HipAngle(end.NearLeg):0} degrees)");
            Assert.Contains(arrows, a => Dot(a.Way, Point.Polar(1, start.Front)) < 0);
            if (exercise.Position == BodyPosition.Standing)
            {
                var feet = end.Leg(end.NearLeg).End;
                Assert.True(Dot(end.Head - feet, Point.Polar(1, start.Front)) < 0, $"{id}: leaning back, the head is behind the feet");
            }
        }

        if (moves.Contains(MovementPattern.LumbarFlexion) && moves.Contains(MovementPattern.HipFlexion) && !moves.Contains(MovementPattern.HipRotation))
        {
            // A knee comes toward the chest.
            Assert.True((end.Joint("nearKnee") - end.Shoulder).Length < (start.Joint("nearKnee") - start.Shoulder).Length - 10, $"{id}: the knee must come toward the chest");
        }

        if (moves.Contains(MovementPattern.HipRotation))
        {
            // The figure 4: the near ankle rests on the far knee, the near shin across the far thigh; then pulled in.
            foreach (var pose in new[] { start, end })
            {
                Assert.True((pose.Joint("nearFoot") - pose.Joint("farKnee")).Length < 2, $"{id}: the ankle rests on the other knee");
                var across = Math.Abs(Normalize(pose.Leg(pose.NearLeg).Lower - pose.Leg(pose.FarLeg).Upper));
                Assert.InRange(across, 30, 150);
            }

            Assert.True((end.Joint("farKnee") - end.Shoulder).Length < (start.Joint("farKnee") - start.Shoulder).Length - 5, $"{id}: the thigh is pulled toward the chest");
        }

        if (moves.Contains(MovementPattern.HipFlexion))
        {
            Assert.True(Math.Min(Pose.HipAngle(end.NearLeg), Pose.HipAngle(end.FarLeg)) <= 100, $"{id}: a hip is flexed to a right angle or more");
        }

        if (moves.Contains(MovementPattern.NeuralTension))
        {
            // The stretch: the leg straight up, the arrow along it, the heel pressed toward the ceiling.
            var leg = end.Leg(end.NearLeg);
            Assert.Contains(arrows, a => a.Way.Y > 2 * Math.Abs(a.Way.X) && (a.From - leg.End).Length < 15);
            Assert.InRange(Normalize(leg.Upper - 90), -10, 10);
        }

        if (moves.Contains(MovementPattern.NeuralSlider))
        {
            // The head moves: chin to chest with the knee bent, head tipped back with the knee straight.
            Assert.True(start.Neck >= 20 && end.Neck <= -20, $"{id}: the head goes from chin-down to tipped back ({start.Neck} to {end.Neck})");
            Assert.True(Pose.KneeAngle(end.NearLeg) > Pose.KneeAngle(start.NearLeg) + 45, $"{id}: the knee straightens as the head tips back");
            Assert.Contains(arrows, a => (a.From - start.Head).Length < 12 && Dot(a.Way, Point.Polar(1, start.Front)) < 0);
        }

        if (moves.Contains(MovementPattern.HipExtension))
        {
            Assert.True(Pose.HipAngle(end.NearLeg) >= 170 && Pose.HipAngle(start.NearLeg) <= 140, $"{id}: the hips go from bent to straight");
            Assert.True(end.Hip.Y > start.Hip.Y + 8, $"{id}: the hips lift");
            Assert.Contains(arrows, a => a.Way.Y > 0);
        }

        if (moves.Contains(MovementPattern.LumbarRotation))
        {
            // A turn: the trunk stays where it is and the arrow goes across it (knees to one side, or around the trunk).
            Assert.Equal(start.Trunk, end.Trunk);
            Assert.Contains(arrows, a => Math.Abs(a.Way.X) > Math.Abs(a.Way.Y));
        }

        if (Regex.IsMatch(steps, "arms out to the sides", RegexOptions.IgnoreCase))
        {
            foreach (var pose in new[] { start, end })
            {
                var near = Normalize(pose.Arm(pose.NearArm).Upper - pose.Trunk);
                var far = Normalize(pose.Arm(pose.FarArm).Upper - pose.Trunk);
                Assert.InRange(Math.Abs(near), 80, 100);
                Assert.InRange(Math.Abs(far), 80, 100);
                Assert.True(Math.Sign(near) != Math.Sign(far), $"{id}: one arm out to each side");
            }
        }

        if (Regex.IsMatch(steps, "arms crossed over your chest", RegexOptions.IgnoreCase))
        {
            var hand = end.Joint("nearHand");
            var chest = end.Hip + Point.Polar(Pose.TrunkLength * 0.7, end.Trunk);
            Assert.True((hand - chest).Length < 12, $"{id}: the hands are on the chest");
        }

        if (Regex.IsMatch(steps, "arm forward and the opposite leg back", RegexOptions.IgnoreCase))
        {
            var along = Point.Polar(1, start.Trunk);
            Assert.Equal(start.Trunk, end.Trunk);
            Assert.Contains(arrows, a => Dot(a.Way, along) > 10);
            Assert.Contains(arrows, a => Dot(a.Way, along) < -10);
        }

        if (moves.Contains(MovementPattern.WeightBearing) || moves.Contains(MovementPattern.Aquatic))
        {
            Assert.InRange(Normalize(end.Trunk - 90), -10, 10);
            Assert.Contains(arrows, a => Dot(a.Way, Point.Polar(1, end.Front)) > 10);
        }

        if (moves.Contains(MovementPattern.NeutralSpine))
        {
            Assert.Equal(start.Trunk, end.Trunk);
        }

        if (Regex.IsMatch(steps, "flatten the small of your back", RegexOptions.IgnoreCase))
        {
            Assert.Contains(arrows, a => a.Way.Y < -5 && Math.Abs(a.Way.X) < 2);
        }
    }

    [Fact]
    public void ArrowDirections_AreTheMovementOfTheirJoint()
    {
        // The model's own geometry: the arrow of a joint goes the way that joint moves between the poses.
        foreach (var drawing in Illustrations.Drawings.Values)
        {
            foreach (var arrow in drawing.Arrows.Where(a => a.Joint is not null))
            {
                var (from, to) = arrow.Ends(drawing);
                var moved = drawing.End.Joint(arrow.Joint!) - drawing.Start.Joint(arrow.Joint!);
                Assert.True(moved.Length > 5, $"{arrow.Joint} hardly moves");
                Assert.InRange(Normalize((to - from).Degrees - moved.Degrees), -1, 1);
            }
        }
    }

    [SkippableFact]
    public async Task EveryDrawing_IsScreenshotted_ForReviewByEye()
    {
        Browser.SkipUnlessAvailable();
        var folder = Directory.CreateDirectory(Path.Combine(Browser.ArtifactDirectory, "drawings")).FullName;
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 640, Height = 400 } });
        var html = (await HandoutRenderer.Default.RenderAsync(PrintTests.PlanOf(ExerciseCatalog.Default.Exercises.Count))).Html;
        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
        foreach (var exercise in ExerciseCatalog.Default.Exercises)
        {
            var svg = page.Locator($"article[data-exercise='{exercise.Id}'] svg");
            await svg.EvaluateAsync("e => { e.style.width = '600px'; e.style.background = '#fff'; }");
            await svg.ScreenshotAsync(new() { Path = Path.Combine(folder, exercise.Id + ".png") });
            Assert.True(new FileInfo(Path.Combine(folder, exercise.Id + ".png")).Length > 1000);
        }

        await page.CloseAsync();
    }

    private static bool Bent(Limb leg) => Math.Abs(Pose.KneeAngle(leg) - 180) >= 20;

    /// <summary>How far the trunk turned toward its back (counterclockwise: away from the front, which is a quarter clockwise of it).</summary>
    private static double Turn(double from, double to) => Normalize(to - from);

    private static double Normalize(double degrees) => ((degrees % 360) + 540) % 360 - 180;

    private static double Dot(Point a, Point b) => (a.X * b.X) + (a.Y * b.Y);
}
