using Microsoft.Playwright;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// One Chromium for the browser tests: Debian's (apt-get install chromium), driven by Playwright. Playwright's own
/// browser download is not used. Set SCIATICA_CHROMIUM to use another Chromium executable.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Chromium { get; private set; } = default!;

    /// <summary>Where screenshots and PDFs go: artifacts/handouts under the repository root, kept by CI.</summary>
    public static string ArtifactDirectory { get; } = Directory.CreateDirectory(Path.Combine(Samples.Root, "artifacts", "handouts")).FullName;

    public static string Executable
    {
        get
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("SCIATICA_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
            return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
                ?? throw new InvalidOperationException(
                    "The handout browser tests need Chromium and found none. Install Debian's Chromium with `sudo apt-get install chromium` " +
                    "(.ci/run does this when it is missing), or set SCIATICA_CHROMIUM to the path of a Chromium executable.");
        }
    }

    public async Task InitializeAsync()
    {
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
