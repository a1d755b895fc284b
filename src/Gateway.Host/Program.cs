using Gateway.Host.Hosting;

// The ContactCourse gateway. Composition lives in GatewayComposition; the pipeline order reads in UseGateway.
//   dotnet run --project src/Gateway.Host              serve (embedded PostgreSQL unless ConnectionStrings:Gateway is set)
//   dotnet run --project src/Gateway.Host -- migrate   apply pending migrations and exit
var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

await using var app = builder.Build();
app.UseGateway();
await app.PrepareGatewayAsync();

if (args is ["migrate", ..])
{
    return;
}

await app.RunAsync();

/// <summary>The entry point, visible to test hosts.</summary>
public partial class Program;
