namespace OmoiOs.Tests.Deployment.Bicep;

public sealed class BicepParserTests
{
    [Fact]
    public void ParseFile_Param_ReadsTypeDefaultAndDecorators()
    {
        var statements = BicepParser.ParseFile("""
            @secure()
            @allowed([
              'a'
              'b'
            ])
            param key string
            param count int = 4
            """);

        var key = Assert.IsType<BicepParam>(statements[0]);
        var count = Assert.IsType<BicepParam>(statements[1]);
        Assert.Equal(("key", "string"), (key.Name, key.Type));
        Assert.Null(key.Default);
        Assert.True(key.HasDecorator("secure"));
        Assert.Equal(2, Assert.IsType<BicepArray>(key.Decorators[1].Arguments[0]).Items.Count);
        Assert.Equal(4, Assert.IsType<BicepNumber>(count.Default).Value);
    }

    [Fact]
    public void ParseFile_Resource_SplitsTypeAndApiVersionAndReadsTheBody()
    {
        var statements = BicepParser.ParseFile("""
            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: name
              properties: {
                allowSharedKeyAccess: false
                'quoted-key': 'v'
              }
            }
            """);

        var resource = Assert.IsType<BicepResource>(Assert.Single(statements));
        Assert.Equal("Microsoft.Storage/storageAccounts", resource.Type);
        Assert.Equal("2023-05-01", resource.ApiVersion);
        Assert.False(resource.IsExisting);
        Assert.False(Assert.IsType<BicepBool>(resource.Properties!["allowSharedKeyAccess"]).Value);
        Assert.Equal("v", Assert.IsType<BicepString>(resource.Properties!["quoted-key"]).Value);
    }

    [Fact]
    public void ParseFile_ExistingAndConditionalResources_AreMarked()
    {
        var statements = BicepParser.ParseFile("""
            resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
              name: vaultName
            }
            resource s 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(key)) {
              parent: kv
              name: 'k'
            }
            """);

        Assert.True(Assert.IsType<BicepResource>(statements[0]).IsExisting);
        var conditional = Assert.IsType<BicepResource>(statements[1]);
        var condition = Assert.IsType<BicepUnary>(Assert.IsType<BicepIf>(conditional.Body).Condition);
        Assert.Equal("empty", Assert.IsType<BicepCall>(condition.Operand).Name);
        Assert.Equal("k", Assert.IsType<BicepString>(conditional.Declaration["name"]).Value);
    }

    [Fact]
    public void ParseFile_ModuleVarAndOutput_AreRead()
    {
        var statements = BicepParser.ParseFile("""
            targetScope = 'subscription'
            var token = toLower(uniqueString(subscription().id, env))
            module app 'modules/app.bicep' = {
              name: 'app'
              scope: rg
              params: {
                id: identity.outputs.id
              }
            }
            output NAME string = app.outputs.name
            """);

        Assert.Equal("subscription", Assert.IsType<BicepString>(Assert.IsType<BicepTargetScope>(statements[0]).Value).Value);
        var call = Assert.IsType<BicepCall>(Assert.IsType<BicepVar>(statements[1]).Value);
        Assert.Equal("uniqueString", Assert.IsType<BicepCall>(call.Arguments[0]).Name);
        Assert.Equal("modules/app.bicep", Assert.IsType<BicepModule>(statements[2]).Path);
        var output = Assert.IsType<BicepOutput>(statements[3]);
        Assert.Equal("name", Assert.IsType<BicepMemberAccess>(output.Value).Member);
    }

    [Fact]
    public void ParseExpression_TernaryOverMultiLineObjects_Parses()
    {
        var expression = BicepParser.ParseExpression("""
            empty(subnet) ? {
              defaultAction: 'Allow'
            } : {
              defaultAction: 'Deny'
            }
            """);

        var ternary = Assert.IsType<BicepTernary>(expression);
        Assert.Equal("Deny", Assert.IsType<BicepString>(Assert.IsType<BicepObject>(ternary.WhenFalse)["defaultAction"]).Value);
    }

    [Fact]
    public void ParseExpression_Operators_FollowPrecedence()
    {
        var expression = BicepParser.ParseExpression("a || b && c == 'x' ?? d");

        var coalesce = Assert.IsType<BicepBinary>(expression);
        Assert.Equal("??", coalesce.Operator);
        var or = Assert.IsType<BicepBinary>(coalesce.Left);
        Assert.Equal("||", or.Operator);
        Assert.Equal("&&", Assert.IsType<BicepBinary>(or.Right).Operator);
    }

    [Fact]
    public void ParseExpression_InterpolatedKeyAndString_ParsesTheHoles()
    {
        var value = Assert.IsType<BicepObject>(BicepParser.ParseExpression("{\n  '${identityId}': {}\n}"));

        var key = Assert.IsType<BicepString>(Assert.Single(value.Properties).Key);
        Assert.Null(value.Properties[0].Name);
        Assert.Equal("identityId", Assert.IsType<BicepIdentifier>(Assert.Single(key.Holes)).Name);
        Assert.Equal("${…}", key.Shape);
    }

    [Fact]
    public void ParseExpression_ForLoopWithIndex_Parses()
    {
        var loop = Assert.IsType<BicepFor>(BicepParser.ParseExpression("[for (role, i) in roles: {\n  name: role\n}]"));

        Assert.Equal(("role", "i"), (loop.Item, loop.Index));
        Assert.Equal("roles", Assert.IsType<BicepIdentifier>(loop.Source).Name);
        Assert.IsType<BicepObject>(loop.Body);
    }

    [Fact]
    public void ParseExpression_SafeAccessIndexAndMemberCall_Parse()
    {
        var expression = BicepParser.ParseExpression("net.?outputs.ids[0].toLower()");

        var call = Assert.IsType<BicepCall>(expression);
        Assert.Equal("toLower", call.Name);
        var index = Assert.IsType<BicepIndex>(call.Target);
        Assert.True(Assert.IsType<BicepMemberAccess>(Assert.IsType<BicepMemberAccess>(index.Target).Target).IsSafe);
    }

    [Theory]
    [InlineData("metadata info = 'x'", "line 1: unsupported statement 'metadata'")]
    [InlineData("var a = {\n  b: 1 c: 2\n}", "line 2: expected a new line")]
    [InlineData("resource r 'NoVersion' = {}", "line 1: resource type 'NoVersion' has no @apiVersion")]
    [InlineData("var a = 1 2", "line 1: expected the end of the statement")]
    public void ParseFile_UnsupportedOrMalformed_FailsNamingTheLine(string source, string message)
    {
        var exception = Assert.Throws<FormatException>(() => BicepParser.ParseFile(source));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }
}
