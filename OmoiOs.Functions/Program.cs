using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OmoiOs.Functions.DependencyInjection;
using OmoiOs.Infrastructure.Configuration;
using OmoiOs.Infrastructure.DependencyInjection;

var builder = FunctionsApplication.CreateBuilder(args);
RequiredSettingsValidator.EnsureValid(builder.Configuration);
builder.Services.AddOmoiInfrastructure(builder.Configuration);
builder.Services.AddOmoiFunctions(builder.Configuration);
builder.Build().Run();
