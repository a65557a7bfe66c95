using Refit;

namespace Chatobuy.Inbox.CloudApi;

public static class CloudApiExtensions
{
    public static IServiceCollection AddCloudApi(this IServiceCollection services)
    {
        services.AddOptions<CloudApiOptions>()
            .BindConfiguration(CloudApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddTransient<GraphConnectionHandler>();
        services.AddRefitGeneratedClient<IGraphApi>(new RefitSettings
            {
                ContentSerializer = new SystemTextJsonContentSerializer(GraphJson.Options),
            })
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = GraphConnectionHandler.Placeholder;
                var seconds = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CloudApiOptions>>().Value.TimeoutSeconds;
                client.Timeout = TimeSpan.FromSeconds(seconds);
            })
            .AddHttpMessageHandler<GraphConnectionHandler>();
        services.AddHttpClient(GraphClient.MediaDownloadClient, (provider, client) =>
            {
                // Media can be up to 100 MB: allow several times the usual Graph timeout.
                var seconds = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CloudApiOptions>>().Value.TimeoutSeconds;
                client.Timeout = TimeSpan.FromSeconds(seconds * 10);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5 });
        services.AddHttpClient(ResumableUploader.HttpClientName, (provider, client) =>
            {
                // A chunk is a few megabytes: allow several times the usual Graph timeout.
                var seconds = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CloudApiOptions>>().Value.TimeoutSeconds;
                client.Timeout = TimeSpan.FromSeconds(seconds * 4);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<GraphClient>();
        services.AddScoped<ResumableUploader>();
        return services;
    }
}
