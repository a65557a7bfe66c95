namespace Chatobuy.Inbox.Features.Payments;

public static class PaymentsExtensions
{
    /// <summary>Payment settings, partners and links.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<PaymentCredentials>();
        services.AddSingleton<IPaymentPartner, CustomLinkPartner>();
        services.AddSingleton<PaymentLinks>();
        services.AddSingleton<OrderPayments>();
        return services;
    }
}
