using Chatobuy.Inbox.Sandbox.Customer;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.Graph;
using Chatobuy.Inbox.Sandbox.Payments;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Sandbox.Switches;

namespace Chatobuy.Inbox.Sandbox;

public static class SandboxExtensions
{
    /// <summary>Registers the Cloud API emulator when <c>Sandbox:Enabled</c> is true (default: in Development only).</summary>
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        if (!SandboxOptions.IsEnabled(builder.Configuration, builder.Environment))
        {
            return builder;
        }

        builder.Services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SandboxState>();
        builder.Services.AddSingleton<SandboxWebhookVerifier>();
        builder.Services.AddHttpClient(SandboxWebhookVerifier.HttpClientName, client => client.Timeout = SandboxWebhookVerifier.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        builder.Services.AddSingleton<SandboxMediaStore>();
        builder.Services.AddSingleton<SandboxUploads>();
        builder.Services.AddSingleton<SandboxProfiles>();
        builder.Services.AddSingleton<SandboxCatalogs>();
        builder.Services.AddSingleton<SandboxDeliveryLog>();
        builder.Services.AddSingleton<SandboxWebhookQueue>();
        builder.Services.AddSingleton<SandboxCustomers>();
        builder.Services.AddSingleton<SandboxOutbox>();
        builder.Services.AddSingleton<SandboxThroughput>();
        builder.Services.AddSingleton<IStartupFilter, SandboxArrivalStartupFilter>();
        builder.Services.AddSingleton<SandboxTemplates>();
        builder.Services.AddSingleton<SandboxSwitches>();
        builder.Services.AddSingleton<SandboxTemplateReview>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SandboxTemplateReview>());
        builder.Services.AddHostedService<SandboxWebhookSender>();
        builder.Services.AddSingleton<SandboxPayments>();
        builder.Services.AddSingleton<SandboxPaymentNotifier>();

        // Stripe and Yedpay do not follow redirects either.
        builder.Services.AddHttpClient(SandboxPaymentNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();

        // Meta does not follow redirects; each POST gets its own timeout from the options.
        builder.Services.AddHttpClient(SandboxWebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        return builder;
    }

    /// <summary>Mounts the emulated Graph API at <c>/sandbox/graph/{version}</c> when the Sandbox is on.</summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (SandboxOptions.IsEnabled(app.Configuration, app.Environment))
        {
            SandboxGraphEndpoints.Map(app);
            SandboxCustomerEndpoints.Map(app);
            SandboxProfileEndpoints.Map(app);
            SandboxCatalogImages.Map(app);
            SandboxStripeEndpoints.Map(app);
            SandboxYedpayEndpoints.Map(app);
            SandboxCheckoutEndpoints.Map(app);
            SandboxSwitchEndpoints.Map(app);
        }

        return app;
    }
}
