System.Console.Error.WriteLine("placeholder");
