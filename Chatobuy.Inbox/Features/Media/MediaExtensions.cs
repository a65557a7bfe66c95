namespace Chatobuy.Inbox.Features.Media;

public static class MediaExtensions
{
    /// <summary>Media customers send: downloaded after the commit, kept by content hash, served to agents and integrators.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<MediaStore>();
        services.AddHostedService<MediaDownloadWorker>();
        return services;
    }
}
