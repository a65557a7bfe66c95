using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Chatobuy.Inbox.Hosting;

public static class RootAppSettings
{
    /// <summary>
    /// The repository's root appsettings.json is copied beside the binaries; read it from there so that the same
    /// file takes effect wherever the app is started from. It keeps its place in the order of sources, so
    /// environment variables, user secrets and the command line still override it.
    /// </summary>
    public static ConfigurationManager UseRootAppSettings(this ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var index = sources.Select((source, i) => (source, i))
            .Where(x => x.source is JsonConfigurationSource { Path: "appsettings.json" })
            .Select(x => x.i)
            .DefaultIfEmpty(0)
            .First();
        var replacement = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Optional = false,
            ReloadOnChange = false,
        };
        if (index < sources.Count && sources[index] is JsonConfigurationSource { Path: "appsettings.json" })
        {
            sources[index] = replacement;
        }
        else
        {
            sources.Insert(index, replacement);
        }

        return configuration;
    }
}
