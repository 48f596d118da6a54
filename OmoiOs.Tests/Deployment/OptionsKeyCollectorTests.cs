using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Tests.Deployment;

public sealed class OptionsKeyCollectorTests
{
    [Fact]
    public void Collect_OptionsType_ReturnsItsKeysWithTheirOwner()
    {
        var keys = OptionsKeyCollector.Collect(Assembly.GetExecutingAssembly());

        Assert.Equal(typeof(ContractSampleOptions).FullName, keys["OMOI_CONTRACT_SAMPLE"]);
        Assert.Equal(typeof(ContractSampleOptions).FullName, keys["OMOI_CONTRACT_PRIVATE"]);
    }

    [Fact]
    public void Collect_TypeNotNamedOptions_IsIgnored()
    {
        var keys = OptionsKeyCollector.Collect(Assembly.GetExecutingAssembly());

        Assert.DoesNotContain("OMOI_CONTRACT_IGNORED", keys.Keys);
    }

    [Fact]
    public void Collect_PropertyWithoutKeyName_IsIgnored()
    {
        var keys = OptionsKeyCollector.Collect(Assembly.GetExecutingAssembly());

        Assert.DoesNotContain(keys, kv => kv.Value == typeof(ContractSampleOptions).FullName && !kv.Key.StartsWith("OMOI_CONTRACT_", StringComparison.Ordinal));
    }

    internal sealed class ContractSampleOptions
    {
        [ConfigurationKeyName("OMOI_CONTRACT_SAMPLE")]
        public string? Sample { get; set; }

        [ConfigurationKeyName("OMOI_CONTRACT_PRIVATE")]
        internal int Hidden { get; set; }

        public string? Unnamed { get; set; }
    }

    internal sealed class ContractSampleSettings
    {
        [ConfigurationKeyName("OMOI_CONTRACT_IGNORED")]
        public string? Ignored { get; set; }
    }
}
