using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Payments;

/// <summary>Store Settings → Payment as an Admin uses it: credentials saved encrypted and shown masked, errors by the field, Test connection.</summary>
public sealed class PaymentSettingsTabTests : ComponentTestContext
{
    private const string SecretKey = "sk_test_51Habcdefghijklmnop4242";
    private const string WebhookSecret = "whsec_abcdefghijklmnop9876";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatobuy-bunit-{Guid.NewGuid():N}");
    private readonly Channel _channel;
    private readonly FakeConnectionCheck _check = new();
    private readonly BunitAuthorizationContext _auth;

    public PaymentSettingsTabTests()
    {
        Directory.CreateDirectory(_dataDirectory);
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<ChannelSecrets>();
        Services.AddSingleton<PaymentCredentials>();
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton(Options.Create(new InboxOptions { PublicBaseUrl = "https://inbox.example.com" }));
        Services.AddSingleton<IPaymentConnectionCheck>(_check);
        Services.AddScoped<PaymentSettingsService>();
        _auth = AddAuthorization();
        _auth.SetAuthorized("Ada");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "ada"));
        _auth.SetPolicies(Policies.Admin);

        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.Database.Migrate();
        _channel = TestChannels.New(Services.GetRequiredService<ChannelSecrets>(), "Shop", "1001");
        db.Channels.Add(_channel);
        db.PaymentSettings.Add(new PaymentSettings { ChannelId = _channel.Id, Partner = PaymentPartnerKind.Stripe, Currency = "HKD" });
        db.SaveChanges();
    }

    private IRenderedComponent<PaymentSettingsTab> RenderTab()
    {
        RenderProviders();
        var tab = Render<PaymentSettingsTab>(p => p.Add(c => c.ChannelId, _channel.Id));
        tab.WaitForElement("[data-testid=payment-settings]");
        return tab;
    }

    private async Task<PaymentSettings> StoredAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        return await db.PaymentSettings.AsNoTracking().SingleAsync(s => s.ChannelId == _channel.Id);
    }

    [Fact]
    public void Agent_SeesNoSettings()
    {
        _auth.SetPolicies();
        RenderProviders();

        var tab = Render<PaymentSettingsTab>(p => p.Add(c => c.ChannelId, _channel.Id));

        tab.Find("[data-testid=payment-admins-only]").TextContent.ShouldBe("Only an Admin can change the payment settings.");
        tab.FindAll("[data-testid=payment-settings]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_StripeTestKeys_StoredEncryptedAndShownMaskedWithTheirLastFourCharacters()
    {
        var tab = RenderTab();
        tab.Find("[data-testid=payment-webhook-url]").TextContent.ShouldBe($"https://inbox.example.com/webhooks/stripe/{_channel.Id}");

        tab.Find("input[data-testid=payment-test-secretKey]").Input(SecretKey);
        tab.Find("input[data-testid=payment-test-webhookSecret]").Input(WebhookSecret);
        tab.Find("[data-testid=payment-save]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=payment-saved-test-secretKey]").TextContent.ShouldBe("••••••••4242"));
        tab.Find("[data-testid=payment-saved-test-webhookSecret]").TextContent.ShouldBe("••••••••9876");
        tab.Find("input[data-testid=payment-test-secretKey]").GetAttribute("value").ShouldBeNullOrEmpty();
        tab.Markup.ShouldNotContain(SecretKey);
        var stored = await StoredAsync();
        stored.TestCredentialsProtected.ShouldNotBeNull().ShouldNotContain(SecretKey);
        Services.GetRequiredService<PaymentCredentials>().Unprotect(stored.TestCredentialsProtected)[StripePartner.SecretKey].ShouldBe(SecretKey);
    }

    [Fact]
    public async Task Save_EmptyFieldAfterSaving_KeepsTheStoredKey()
    {
        var tab = RenderTab();
        tab.Find("input[data-testid=payment-test-secretKey]").Input(SecretKey);
        tab.Find("input[data-testid=payment-test-webhookSecret]").Input(WebhookSecret);
        tab.Find("[data-testid=payment-save]").Click();
        tab.WaitForElement("[data-testid=payment-saved-test-secretKey]");

        tab.Find("textarea[data-testid=payment-success]").Input("Paid, thanks! Order {order_number}.");
        tab.Find("[data-testid=payment-save]").Click();

        await tab.WaitForAssertionAsync(async () => (await StoredAsync()).SuccessMessage.ShouldBe("Paid, thanks! Order {order_number}."));
        var stored = await StoredAsync();
        Services.GetRequiredService<PaymentCredentials>().Unprotect(stored.TestCredentialsProtected)[StripePartner.SecretKey].ShouldBe(SecretKey);
    }

    [Fact]
    public async Task Save_PublishableKeyAndMissingSecret_ErrorsNextToTheFieldsAndNothingSaved()
    {
        var tab = RenderTab();
        tab.Find("input[data-testid=payment-test-secretKey]").Input("pk_test_abcdefgh");
        tab.Find("textarea[data-testid=payment-link]").Input("Pay here please");
        tab.Find("[data-testid=payment-save]").Click();

        tab.WaitForAssertion(() =>
        {
            tab.Markup.ShouldContain("This is a publishable key (pk_…)");
            tab.Markup.ShouldContain("Enter the test webhook signing secret");
            tab.Markup.ShouldContain("Add {payment_link} so the customer gets the link.");
        });
        tab.Find("[data-testid=payment-error]").TextContent.ShouldContain("see the messages next to them");
        (await StoredAsync()).TestCredentialsProtected.ShouldBeNull();
    }

    [Fact]
    public void Chip_Placeholder_IsAddedToItsMessage()
    {
        var tab = RenderTab();
        tab.Find("textarea[data-testid=payment-failed]").Input("Try again: ");

        tab.Find("[data-testid=payment-chip-failed-payment_link]").Click();

        tab.Find("textarea[data-testid=payment-failed]").GetAttribute("value").ShouldBe("Try again: {payment_link}");
    }

    [Fact]
    public void TestConnection_PartnerRefuses_ShowsItsPlainWords_AndChecksWhatIsTyped()
    {
        _check.Answer = PaymentConnectionResult.Bad(StripeErrors.KeyRefused);
        var tab = RenderTab();
        tab.Find("input[data-testid=payment-test-secretKey]").Input("sk_test_typedButNotSaved");

        tab.Find("[data-testid=payment-test]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=payment-test-result]").TextContent.ShouldContain("Stripe refused the secret key: check it is a secret key (sk_test_…"));
        _check.Seen.ShouldNotBeNull()[StripePartner.SecretKey].ShouldBe("sk_test_typedButNotSaved");
        _check.SeenLiveMode.ShouldBe(false);
    }

    [Fact]
    public void TestConnection_Accepted_SaysSo()
    {
        _check.Answer = PaymentConnectionResult.Good("Stripe accepted the test secret key.");
        var tab = RenderTab();

        tab.Find("[data-testid=payment-test]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=payment-test-result]").TextContent.ShouldBe("Stripe accepted the test secret key."));
    }

    private sealed class FakeConnectionCheck : IPaymentConnectionCheck
    {
        public PaymentConnectionResult Answer { get; set; } = PaymentConnectionResult.Good("ok");

        public IReadOnlyDictionary<string, string>? Seen { get; private set; }

        public bool? SeenLiveMode { get; private set; }

        public PaymentPartnerKind Kind => PaymentPartnerKind.Stripe;

        public Task<PaymentConnectionResult> TestAsync(string channelId, bool liveMode, IReadOnlyDictionary<string, string> credentials, CancellationToken cancellationToken)
        {
            Seen = credentials;
            SeenLiveMode = liveMode;
            return Task.FromResult(Answer);
        }
    }
}
