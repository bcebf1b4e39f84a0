using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// Every page each demo role can reach by following links from its start page (issue 16): axe finds no WCAG 2.1 AA
/// violation; at 1,280 px and 390 px every checkbox and radio is within 8 px of its label, no table overflows its
/// container (or is cut short inside a scroll box narrower than the screen), the page never scrolls sideways, and the
/// main menu fits one line at 1,280 px; no link a role is shown leads to an error or a refusal. Geometry is read from
/// bounding boxes, not pixels, so fonts and anti-aliasing do not matter. Every problem on every page is reported at once.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class EveryPageInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Pages per route shape (ids replaced): one case of a kind shows what every case shows.</summary>
    private const int PerShape = 1;

    private const int MaxPages = 100;

    public static TheoryData<string, string> Roles() => new()
    {
        { "Anna Andersson", "/ostersund" },
        { "Bo Berglund", "/ostersund" },
        { "Cecilia Claesson", "/ostersund" },
        { "Stina Strand (e-strateg)", "/" },
        { "Göran Global (administratör)", "/" },
    };

    [PostgresTheory]
    [MemberData(nameof(Roles))]
    public async Task EveryReachablePage_IsAccessible_AndLaidOut_AtBothWidths(string user, string start)
    {
        var page = await browser.SignInAsync(user);
        var problems = new List<string>();
        var visited = new List<string>();
        var shapes = new Dictionary<string, int>();
        var queue = new Queue<(string Url, string From)>([(start, "start")]);
        var seen = new HashSet<string> { start };
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            var shape = Shape(url);
            if (shapes.GetValueOrDefault(shape) >= PerShape)
            {
                continue;
            }

            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            await page.SetViewportSizeAsync(1280, 900);
            var response = await page.GotoAsync(url);
            visited.Add(url);
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{url} (länkad från {from}): HTTP {response?.Status}");
                continue;
            }

            // A plain-text or file response (the IMY report as text) is no page to check.
            if (!(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            if (!new Uri(page.Url).AbsolutePath.Equals(new Uri(new Uri(browser.BaseUrl), url).AbsolutePath, StringComparison.Ordinal)
                && page.Url.Contains("/logga-in", StringComparison.Ordinal))
            {
                problems.Add($"{url} (länkad från {from}): skickades till inloggningen");
                continue;
            }

            problems.AddRange((await AxeProblemsAsync(page)).Select(p => $"{url}: {p}"));
            problems.AddRange((await LayoutProblemsAsync(page, wide: true)).Select(p => $"{url} vid 1 280 px: {p}"));
            await page.SetViewportSizeAsync(390, 844);
            problems.AddRange((await LayoutProblemsAsync(page, wide: false)).Select(p => $"{url} vid 390 px: {p}"));

            foreach (var link in await LinksAsync(page))
            {
                if (seen.Add(link))
                {
                    queue.Enqueue((link, url));
                }
            }
        }

        // A crawl that saw almost nothing proves nothing: each role has a start page and lists, cases or comparisons.
        Assert.True(visited.Count >= 6, $"{user}: bara {visited.Count} sidor nåddes: {string.Join(", ", visited)}");
        Assert.True(problems.Count == 0, $"{user}, {visited.Count} sidor; {problems.Count} fel:\n" + string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> AxeProblemsAsync(IPage page)
    {
        var result = await page.RunAxe(BrowserFixture.Wcag21AA);
        return result.Violations.Select(v => $"axe {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})");
    }

    /// <summary>The bounding-box checks, in the page; returns one Swedish line per problem.</summary>
    private static async Task<string[]> LayoutProblemsAsync(IPage page, bool wide)
    {
        var json = await page.EvaluateAsync<string>(LayoutScript, wide);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    private const string LayoutScript = """
        (wide) => {
          const problems = [];
          // Rendered and visible: not in a closed <details>, not display:none, not visibility:hidden, more than a pixel.
          const shown = e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }); };
          const name = e => e.outerHTML.slice(0, 120);
          const root = document.scrollingElement;
          if (root.scrollWidth > window.innerWidth + 1) {
            const wider = [...document.querySelectorAll('body *')].filter(e => shown(e) && e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, [data-scroll]'));
            problems.push(`sidan rullar i sidled (${root.scrollWidth} px i ett ${window.innerWidth} px fönster): ${wider.slice(0, 2).map(name).join(' | ')}`);
          }
          for (const input of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
            if (!shown(input)) continue;
            const r = input.getBoundingClientRect();
            const labels = [...(input.labels || [])].filter(shown);
            if (labels.length === 0) continue; // labelled for screen readers only (a visually hidden label in a table row)
            const gap = Math.min(...labels.map(l => {
              const q = l.getBoundingClientRect();
              return Math.hypot(Math.max(0, q.left - r.right, r.left - q.right), Math.max(0, q.top - r.bottom, r.top - q.bottom));
            }));
            if (gap > 8) problems.push(`${input.type} ${input.id || input.name} står ${Math.round(gap)} px från sin etikett`);
          }
          for (const table of document.querySelectorAll('table')) {
            if (!shown(table)) continue;
            const box = table.parentElement;
            const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
            const t = table.getBoundingClientRect(), b = box.getBoundingClientRect();
            if (!scrolls && t.right > b.right + 1) problems.push(`tabellen ${table.id || table.caption?.textContent?.trim() || ''} går ${Math.round(t.right - b.right)} px utanför sin behållare`);
            if (scrolls && wide && table.scrollWidth > box.clientWidth + 1 && b.width < window.innerWidth - 80)
              problems.push(`tabellen ${table.id || table.caption?.textContent?.trim() || ''} skärs av vid ${Math.round(b.width)} px fast fönstret är ${window.innerWidth} px`);
          }
          if (wide) {
            const nav = document.querySelector('nav[aria-label="Huvudmeny"]');
            if (nav) {
              const tops = new Set([...nav.querySelectorAll('a, summary, button')].filter(shown).map(e => Math.round(e.getBoundingClientRect().top / 8)));
              if (tops.size > 1) problems.push(`huvudmenyn går över ${tops.size} rader`);
            }
          }
          return JSON.stringify(problems);
        }
        """;

    /// <summary>Same-origin links a person would follow; downloads, exports and sign-out stay out of the crawl.</summary>
    private static async Task<IEnumerable<string>> LinksAsync(IPage page)
    {
        var hrefs = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href]')]
              .filter(a => !a.hasAttribute('download') && a.origin === location.origin)
              .map(a => a.pathname + a.search)
            """);
        return hrefs.Where(h => !Skipped().IsMatch(h));
    }

    /// <summary>A route's shape: ids, numbers and dates replaced, so the crawl visits a few of each kind.</summary>
    private static string Shape(string url)
    {
        var path = url.Split('?')[0];
        var shape = Ids().Replace(path, "{id}");
        var query = url.Contains('?', StringComparison.Ordinal) ? "?" + string.Join("&", url.Split('?')[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return shape + query;
    }

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();

    // Hangfire's dashboard (the global administrator's /hangfire) is the library's own UI, not ours to lay out.
    [GeneratedRegex(@"/export|format=|/demo/|/logga-ut|/byt-part|/api/|^/hangfire|\.(csv|xlsx|pdf|docx|ics)$", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
