using System.Globalization;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Memory per open inbox tab: signs in with headless Chromium (creating the first Admin on a new installation), reads
/// the app's resident memory, opens N inbox tabs (each a Blazor circuit), lets them settle and reads it again.
/// </summary>
public static class CircuitMemory
{
    public const string Usage = """
        dotnet run -c Release --project Chatobuy.Inbox.Benchmarks -- circuits --url http://localhost:5080 --pid <app's process id> \
            [--tabs 50] [--email bench@example.com] [--password bench-password] [--chromium /usr/bin/chromium]
        """;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!values.TryGetValue("url", out var url) || !values.TryGetValue("pid", out var pidText))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var pid = int.Parse(pidText, CultureInfo.InvariantCulture);
        var tabs = int.Parse(values.GetValueOrDefault("tabs", "50"), CultureInfo.InvariantCulture);
        var email = values.GetValueOrDefault("email", "bench@example.com");
        var password = values.GetValueOrDefault("password", "bench-password");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAdmin.LaunchAsync(playwright, values.GetValueOrDefault("chromium", "/usr/bin/chromium"));
        var context = await browser.NewContextAsync(new() { BaseURL = url });
        var first = await context.NewPageAsync();
        await BrowserAdmin.SignInAsync(first, email, password);
        await first.CloseAsync();

        var pages = new List<IPage>();
        var opened = await BrowserAdmin.OpenInteractiveAsync(context, "/inbox");
        pages.Add(opened);
        await Task.Delay(Settle);
        var before = ResidentBytes(pid);

        for (var i = 1; i <= tabs; i++)
        {
            pages.Add(await BrowserAdmin.OpenInteractiveAsync(context, "/inbox"));
        }

        await Task.Delay(Settle);
        var after = ResidentBytes(pid);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resident memory with 1 inbox tab {before / 1048576.0:F1} MB, with {tabs + 1} tabs {after / 1048576.0:F1} MB: {(after - before) / 1048576.0 / tabs:F2} MB per tab"));
        return 0;
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
