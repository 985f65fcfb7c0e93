using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Functions;

var builder = FunctionsApp.Configure(FunctionsApplication.CreateBuilder(args));
await builder.Build().RunAsync().ConfigureAwait(false);
