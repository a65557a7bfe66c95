namespace Chatobuy.Inbox.Features.Profile;

public static class ProfileExtensions
{
    /// <summary>The WhatsApp Business profile editor: reading and saving profiles at Meta, and the last-saved snapshots.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddSingleton<ProfileSnapshots>();
        services.AddScoped<ProfileService>();
        return services;
    }
}
