using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Readies a fresh inbox for the other modes, through its pages as an Admin would: creates the first Admin (or signs
/// in), connects a channel to the built-in Sandbox with the wizard, creates an API key, and prints the arguments the
/// other modes take.
/// </summary>
public static class SandboxSetup
{
    public const string Usage = """
        dotnet run -c Release --project Chatobuy.Inbox.Benchmarks -- setup --url http://localhost:5080 \
            [--email bench@example.com] [--password bench-password] [--chromium /usr/bin/chromium]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!values.TryGetValue("url", out var url) || !BenchmarkOptions.IsLoopback(new Uri(url)))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var email = values.GetValueOrDefault("email", "bench@example.com");
        var password = values.GetValueOrDefault("password", "bench-password");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAdmin.LaunchAsync(playwright, values.GetValueOrDefault("chromium", "/usr/bin/chromium"));
        var context = await browser.NewContextAsync(new() { BaseURL = url });
        var page = await context.NewPageAsync();
        await BrowserAdmin.SignInAsync(page, email, password);

        page = await BrowserAdmin.OpenInteractiveAsync(context, "/sandbox");
        var businessId = await page.InnerTextAsync("[data-testid=business-id]");
        var token = await page.InnerTextAsync("[data-testid=access-token]");
        var appSecret = await page.InnerTextAsync("[data-testid=app-secret]");

        page = await BrowserAdmin.OpenInteractiveAsync(context, "/channels/new");
        await page.FillAsync("input[data-testid=title]", $"Benchmark {DateTime.UtcNow:HHmmss}");
        await page.FillAsync("input[data-testid=token]", token);
        await page.FillAsync("input[data-testid=business-id]", businessId);
        await page.FillAsync("input[data-testid=app-secret]", appSecret);
        await page.ClickAsync("[data-testid=fetch-numbers]");
        var free = page.Locator("[data-testid=number]").Filter(new() { HasNotText = "Used by channel" }).First;
        await free.Locator("input[type=radio]").CheckAsync();
        await page.ClickAsync("[data-testid=finish]");
        var open = page.Locator("[data-testid=open-channel]");
        await open.WaitForAsync();
        var channelId = (await open.GetAttributeAsync("href"))!.Split('/')[^1];

        page = await BrowserAdmin.OpenInteractiveAsync(context, "/api-keys");
        await page.ClickAsync("[data-testid=create-api-key]");
        await page.FillAsync("#new-api-key-name", $"benchmark {DateTime.UtcNow:HHmmss}");
        await page.ClickAsync("[data-testid=create-api-key-submit]");
        var key = await page.Locator("#new-api-key-value").InputValueAsync();
        await page.ClickAsync("[data-testid=api-key-done]");

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var channel = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/channels/{channelId}"));
        var phoneNumberId = channel.RootElement.GetProperty("phoneNumberId").GetString();
        var wabaId = channel.RootElement.GetProperty("wabaId").GetString();

        var webhook = new Uri(new Uri(url), $"/webhooks/whatsapp/{channelId}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"channel {channelId}, phone number {phoneNumberId}, account {wabaId}, API key {key}"));
        Console.WriteLine($"ingest:      --url {webhook} --app-secret {appSecret} --phone-number-id {phoneNumberId} --waba-id {wabaId}");
        Console.WriteLine($"hub-latency: hub-latency --url {webhook} --app-secret {appSecret} --phone-number-id {phoneNumberId} --waba-id {wabaId} --email {email} --password {password}");
        Console.WriteLine($"outbound:    outbound --url {url} --api-key {key} --channel-id {channelId} --phone-number-id {phoneNumberId}");
        return 0;
    }
}
