namespace Chatobuy.Inbox.Features.Usage;

public static class UsageExtensions
{
    /// <summary>Monthly usage: the tally, its queries and options.</summary>
    public static IServiceCollection AddUsage(this IServiceCollection services)
    {
        services.AddOptions<UsageOptions>()
            .BindConfiguration(UsageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UsageQueries>();
        services.AddSingleton<UsageTally>();
        services.AddHostedService(provider => provider.GetRequiredService<UsageTally>());
        return services;
    }
}
