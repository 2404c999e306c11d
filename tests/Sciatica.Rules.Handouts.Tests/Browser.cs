using Microsoft.Playwright;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// One Chromium for the browser tests: Debian's (apt-get install chromium), driven by Playwright. Playwright's own
/// browser download is not used. Set SCIATICA_CHROMIUM to use another Chromium executable. Without Chromium the
/// browser tests are skipped with <see cref="MissingReason"/> (never passed), except in CI (<c>CI=true</c>), where
/// they fail: CI installs Chromium first (.ci/run).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>Why the browser tests cannot run here, with the command that installs Chromium.</summary>
    public const string MissingReason =
        "The handout browser tests need Chromium and found none. Install Debian's Chromium with `sudo apt-get install chromium` " +
        "(.ci/run does this when it is missing), or set SCIATICA_CHROMIUM to the path of a Chromium executable.";

    public IBrowser Chromium { get; private set; } = default!;

    /// <summary>Whether a Chromium executable was found.</summary>
    public static bool IsAvailable => FindExecutable() is not null;

    /// <summary>Skips the calling test when Chromium is missing, unless in CI, where a missing browser fails the test.</summary>
    public static void SkipUnlessAvailable() =>
        Skip.If(!IsAvailable && Environment.GetEnvironmentVariable("CI") != "true", MissingReason);

    /// <summary>Where screenshots and PDFs go: artifacts/handouts under the repository root, kept by CI.</summary>
    public static string ArtifactDirectory { get; } = Directory.CreateDirectory(Path.Combine(Samples.Root, "artifacts", "handouts")).FullName;

    public static string Executable
    {
        get
        {
            return FindExecutable() ?? throw new InvalidOperationException(MissingReason);
        }
    }

    private static string? FindExecutable() =>
        new[] { Environment.GetEnvironmentVariable("SCIATICA_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));

    public async Task InitializeAsync()
    {
        if (!IsAvailable && Environment.GetEnvironmentVariable("CI") != "true")
        {
            // Each test skips itself with the reason (SkipUnlessAvailable); failing here would fail them instead.
            return;
        }

        var executable = Executable;
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
