using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Mail;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Mail;

/// <summary>The Mail settings page: the mode it shows, the pickup-folder note, and Send test e-mail.</summary>
public sealed class MailSettingsPageTests : ComponentTestContext
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-mail-page", Guid.NewGuid().ToString("N"));

    public MailSettingsPageTests()
    {
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton(new DataPaths(_dataDirectory));
        Services.AddSingleton(Options.Create(new MailOptions()));
        Services.AddSingleton<IMailSender, MailKitMailSender>();
        Services.AddSingleton<TestMailValidator>();
        AddAuthorization().SetAuthorized("Admin Person").SetRoles("Admin");
    }

    [Fact]
    public void MailSettingsPage_NoSmtpHost_SaysMailGoesToThePickupFolder()
    {
        RenderProviders();

        var page = Render<MailSettingsPage>();

        page.Find("[data-testid=mail-mode]").TextContent.ShouldStartWith("Pickup folder ");
        page.Find("[data-testid=mail-pickup-note]").TextContent.ShouldContain("No SMTP server is configured");
    }

    [Fact]
    public async Task SendTestEmail_BadAddress_ErrorNextToTheField_ThenAGoodOneIsWritten()
    {
        RenderProviders();
        var page = Render<MailSettingsPage>();

        page.Find("#test-mail-address").Change("not an address");
        await page.Find("[data-testid=send-test-mail]").ClickAsync(new());

        page.WaitForAssertion(() => page.Markup.ShouldContain("This is not an e-mail address"));
        page.FindAll("[data-testid=test-mail-result]").ShouldBeEmpty();

        page.Find("#test-mail-address").Change("me@example.com");
        await page.Find("[data-testid=send-test-mail]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=test-mail-result]").TextContent.ShouldContain("the e-mail was written to"));
        Directory.GetFiles(Path.Combine(_dataDirectory, "mail-pickup"), "*.eml").ShouldHaveSingleItem();
    }
}
