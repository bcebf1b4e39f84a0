using System.Net;
using System.Net.Sockets;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The application on a real Kestrel port, and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await App.Database.CreateAsync();
        var port = FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://localhost:{port}";
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GN_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The rules WCAG 2.1 AA asks for, as axe tags them.</summary>
    public static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>A new page signed in through the demo sign-in as the demo user with this display name.</summary>
    public async Task<IPage> SignInAsync(string name)
    {
        var page = await Browser.NewPageAsync(new() { BaseURL = BaseUrl, Locale = "sv-SE", AcceptDownloads = true });
        await page.GotoAsync("/demo/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Logga in som {name}" }).ClickAsync();
        return page;
    }

    /// <summary>Follows a link of the main menu as a person does: opens its group (a disclosure), then the link.</summary>
    public static async Task FollowMenuAsync(IPage page, string group, string link)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await menu.Locator("summary", new() { HasTextString = group }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }

    /// <summary>axe finds no WCAG 2.1 AA violation on the page as it stands; the message names each rule and element.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0,
            $"{page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}: {string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
