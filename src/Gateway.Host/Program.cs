using Gateway.Data.Database;
using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Microsoft.Extensions.Options;

// The ContactCourse gateway. Composition lives in GatewayComposition; the pipeline order reads in UseGateway.
//   dotnet run --project src/Gateway.Host              serve (embedded PostgreSQL unless ConnectionStrings:Gateway is set)
//   dotnet run --project src/Gateway.Host -- migrate   apply pending migrations and exit
// appsettings.json is found beside the program, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
WebApplication? app = null;
try
{
    builder.AddGateway();
    app = builder.Build();
    app.UseGateway();
    await app.PrepareGatewayAsync();
}
catch (Exception ex) when (ex is EmbeddedDatabaseException or OptionsValidationException or GatewayConfigurationException or TransactionIdsBehindException
                               or MigrationMismatchException or StoreConflictException or SchemaMissingException || ex is GatewayException { Refusal.Code.Retryable: true })
{
    // A start-up problem someone must act on: say what, without a stack trace. Disposing stops an embedded PostgreSQL.
    Console.Error.WriteLine(ex is GatewayException unavailable
        ? $"The gateway cannot start: it cannot reach its database ({StoreFailures.Reason(unavailable)})."
        : $"The gateway cannot start: {ex.Message}");
    if (app is not null)
    {
        await app.DisposeAsync();
    }

    return 1;
}

await using (app)
{
    if (args is ["migrate", ..])
    {
        return 0;
    }

    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, visible to test hosts.</summary>
public partial class Program;
