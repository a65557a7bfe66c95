namespace Chatobuy.Inbox.Features.Payments;

public static class PaymentsExtensions
{
    /// <summary>Payment settings, partners (Stripe, Yedpay, custom link), links, notifications and the reminder.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>()
            .BindConfiguration(PaymentsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PaymentCredentials>();
        services.AddSingleton<PaymentTargets>();
        services.AddSingleton<IPaymentPartner, CustomLinkPartner>();
        services.AddSingleton<StripePartner>();
        services.AddSingleton<IPaymentPartner>(provider => provider.GetRequiredService<StripePartner>());
        services.AddSingleton<IPaymentConnectionCheck>(provider => provider.GetRequiredService<StripePartner>());
        services.AddSingleton<YedpayPartner>();
        services.AddSingleton<IPaymentPartner>(provider => provider.GetRequiredService<YedpayPartner>());
        services.AddSingleton<IPaymentConnectionCheck>(provider => provider.GetRequiredService<YedpayPartner>());
        services.AddHttpClient(StripePartner.HttpClientName);
        services.AddHttpClient(YedpayClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<PaymentLinks>();
        services.AddSingleton<OrderPayments>();
        services.AddSingleton<PaymentNotifications>();
        services.AddScoped<PaymentSettingsService>();
        services.AddSingleton<PaymentReminderWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentReminderWorker>());
        return services;
    }

    /// <summary>The partners' notification endpoints.</summary>
    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapPaymentWebhooks();
        return app;
    }
}
