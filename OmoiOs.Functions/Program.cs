using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OmoiOs.Functions.DependencyInjection;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddOmoiFunctions(builder.Configuration);
builder.Build().Run();
