namespace Journal.Web.Files;

public static class FilesServices
{
    /// <summary>The file module: limits from the «Files» section, the checks, the store and the download rules.</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FileSettings>(configuration.GetSection(FileSettings.Section));
        services.AddSingleton<UploadValidator>();
        services.AddScoped<FileStore>();
        services.AddScoped<FileDownloads>();
        return services;
    }
}
