using System.Net;
using Chatobuy.Inbox.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Support;

public sealed class SmokeTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public async Task Healthz_DatabaseReachable_AnswersOkJson()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"ok","database":"ok"}""");
    }

    [Fact]
    public async Task ErrorPage_WhereUnhandledErrorsLand_ExplainsAndAnswers200()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/error");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The inbox could not finish this request.");
    }

    [Fact]
    public void DataDirectory_FromTestSettings_IsUsed()
    {
        app.Services.GetRequiredService<DataPaths>().DataDirectory.ShouldBe(app.DataDirectory);
        File.Exists(Path.Combine(app.DataDirectory, "inbox.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Pages_LinkTheComponentStyles_AndTheyAreServed()
    {
        using var client = app.CreateHttpClient();
        var page = await (await client.GetAsync("/error")).Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(?<href>[^\"]*Chatobuy\\.Inbox[^\"]*\\.styles\\.css)\"");
        link.Success.ShouldBeTrue("pages must link the bundle of the components' own styles (the customer phone, the chat)");
        var styles = await client.GetAsync("/" + link.Groups["href"].Value.TrimStart('/'));
        styles.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await styles.Content.ReadAsStringAsync()).ShouldContain(".phone-chat");
    }
}
