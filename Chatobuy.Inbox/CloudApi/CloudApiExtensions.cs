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
        services.AddScoped<GraphClient>();
        return services;
    }
}
