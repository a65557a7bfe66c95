namespace Chatobuy.Inbox.Features.Store;

public static class StoreExtensions
{
    /// <summary>
    /// Store Settings: the catalog at Meta (list, link, unlink, commerce settings), the local copy of the linked
    /// catalog's products, its synchronization now and on a schedule, and the product queries other features use.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<StoreCatalogService>();
        services.AddSingleton<CatalogSync>();
        services.AddSingleton<CatalogProducts>();
        services.AddSingleton<ChannelStoreStatus>();
        services.AddHostedService<CatalogSyncWorker>();
        return services;
    }
}
