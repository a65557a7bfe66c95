namespace Chatobuy.Inbox.Features.Mail;

public static class MailExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MailKitMailSender>();
        services.AddSingleton<IMailSender>(provider => provider.GetRequiredService<MailKitMailSender>());
        return services;
    }
}
